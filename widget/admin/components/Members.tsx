import { type FormEvent, useEffect, useId, useState } from 'react';
import type { AddedMember, Member, SiteRole } from '../../../contract/dashboard.ts';
import { ApiError } from '../api.ts';
import { useDashboard } from '../context.ts';
import { errorMessage, sessionEnded } from '../messages.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { EraseAuthor } from './EraseAuthor.tsx';
import { useRole } from './Header.tsx';

const ROLE_LABEL: Record<SiteRole, string> = { owner: 'Owner', moderator: 'Moderator' };

/** Why a member change failed, in the words of this page. */
function memberError(error: unknown): string {
  if (error instanceof ApiError && error.code === 'last_owner')
    return 'A site needs at least one owner: make someone else an owner first.';
  if (error instanceof ApiError && error.code === 'invalid_body')
    return 'Please enter a valid email address.';
  return errorMessage(error);
}

/**
 * Who may moderate the site (owners only): the list, Remove with an inline
 * confirm, and the add form. A new account's password is shown once, here.
 */
export function Members() {
  const { api, state, report } = useDashboard();
  const site = state.site;
  const owner = useRole() === 'owner';
  const [members, setMembers] = useState<Member[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<AddedMember | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<SiteRole>('moderator');
  const [busy, setBusy] = useState(false);
  const id = useId();

  function fail(e: unknown) {
    if (sessionEnded(e)) report(e);
    else setError(memberError(e));
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: read again only for another site
  useEffect(() => {
    if (!site || !owner) return;
    let live = true;
    setMembers(null);
    setError(null);
    setAdded(null);
    setStatus(null);
    api.listMembers(site).then(
      (list) => {
        if (live) setMembers(list);
      },
      (e: unknown) => {
        if (live) fail(e);
      },
    );
    return () => {
      live = false;
    };
  }, [api, site, owner]);

  if (!owner) {
    return (
      <main className="page-body members">
        <h1>Moderators</h1>
        <p className="note">Only the site’s owners can manage its moderators.</p>
      </main>
    );
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!site) return;
    setBusy(true);
    setError(null);
    setAdded(null);
    setStatus(null);
    try {
      const member = await api.addMember(site, email.trim(), role);
      setMembers((list) => [
        ...(list ?? []).filter((m) => m.email !== member.email),
        { email: member.email, role: member.role },
      ]);
      setAdded(member);
      setEmail('');
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove(who: string) {
    if (!site) return;
    setError(null);
    setAdded(null);
    setStatus(null);
    try {
      await api.removeMember(site, who);
      setMembers((list) => (list ?? []).filter((m) => m.email !== who));
      setStatus(`Removed ${who}.`);
    } catch (e) {
      fail(e);
    }
  }

  return (
    <main className="page-body members">
      <h1>Moderators</h1>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <div role="status" className="added">
        {status ? <p>{status}</p> : null}
        {added ? (
          <>
            <p>
              Added {added.email} as {ROLE_LABEL[added.role].toLowerCase()}.
            </p>
            {added.password ? (
              <div className="password">
                <p>
                  Their new account’s password:{' '}
                  <code data-testid="new-password">{added.password}</code>
                </p>
                <p>
                  It is shown only this once. Pass it on to them now; they sign in here at /admin
                  with their email and this password.
                </p>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
      {members === null ? (
        error ? null : (
          <p className="empty">Loading…</p>
        )
      ) : (
        <ul className="member-list" aria-label="Owners and moderators">
          {members.map((m) => (
            <li key={m.email}>
              <span className="email">{m.email}</span>{' '}
              <span className="role">{ROLE_LABEL[m.role]}</span>{' '}
              <ConfirmButton
                label="Remove"
                name={`Remove ${m.email}`}
                question={`Remove ${m.email} from this site?`}
                confirm="Yes, remove"
                onConfirm={() => remove(m.email)}
              />
            </li>
          ))}
        </ul>
      )}
      <form className="add-member" onSubmit={add} aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>Add moderator</h2>
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          type="email"
          required
          autoComplete="off"
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <label htmlFor={`${id}-role`}>Role</label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as SiteRole)}
        >
          <option value="moderator">Moderator</option>
          <option value="owner">Owner</option>
        </select>
        <button type="submit" className="primary" disabled={busy}>
          Add moderator
        </button>
      </form>
      {owner ? <EraseAuthor /> : null}
    </main>
  );
}
