import { type FormEvent, useEffect, useId, useState } from 'react';
import type { AddedMember, Member, SiteRole } from '../../../contract/dashboard.ts';
import { ApiError } from '../api.ts';
import { useDashboard } from '../context.ts';
import { type DashboardKey, type Said, say, t } from '../i18n.ts';
import { errorSaid, sessionEnded } from '../messages.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { EraseAuthor } from './EraseAuthor.tsx';
import { useRole } from './Header.tsx';

const ROLE_LABEL: Record<SiteRole, DashboardKey> = {
  owner: 'role.owner',
  moderator: 'role.moderator',
};
const ADDED_AS: Record<SiteRole, DashboardKey> = {
  owner: 'members.addedOwner',
  moderator: 'members.addedModerator',
};

/** Why a member change failed, in the words of this page. */
function memberError(error: unknown): Said {
  if (error instanceof ApiError && error.code === 'last_owner') return { key: 'members.lastOwner' };
  if (error instanceof ApiError && error.code === 'invalid_body')
    return { key: 'members.invalidEmail' };
  return errorSaid(error);
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
  const [error, setError] = useState<Said | null>(null);
  const [added, setAdded] = useState<AddedMember | null>(null);
  const [status, setStatus] = useState<Said | null>(null);
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
        <h1>{t('members.heading')}</h1>
        <p className="note">{t('members.ownersOnly')}</p>
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
      setStatus({ key: 'members.removed', params: { email: who } });
    } catch (e) {
      fail(e);
    }
  }

  return (
    <main className="page-body members">
      <h1>{t('members.heading')}</h1>
      {error ? (
        <p role="alert" className="error">
          {say(error)}
        </p>
      ) : null}
      <div role="status" className="added">
        {status ? <p>{say(status)}</p> : null}
        {added ? (
          <>
            <p>{t(ADDED_AS[added.role], { email: added.email })}</p>
            {added.password ? (
              <div className="password">
                <p>
                  {t('members.password')} <code data-testid="new-password">{added.password}</code>
                </p>
                <p>{t('members.passwordOnce')}</p>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
      {members === null ? (
        error ? null : (
          <p className="empty">{t('loading')}</p>
        )
      ) : (
        <ul className="member-list" aria-label={t('members.list')}>
          {members.map((m) => (
            <li key={m.email}>
              <span className="email">{m.email}</span>{' '}
              <span className="role">{t(ROLE_LABEL[m.role])}</span>{' '}
              <ConfirmButton
                label={t('members.remove')}
                name={t('members.removeWho', { email: m.email })}
                question={t('members.removeQuestion', { email: m.email })}
                confirm={t('members.removeConfirm')}
                onConfirm={() => remove(m.email)}
              />
            </li>
          ))}
        </ul>
      )}
      <form className="add-member" onSubmit={add} aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('members.add')}</h2>
        <label htmlFor={`${id}-email`}>{t('members.email')}</label>
        <input
          id={`${id}-email`}
          type="email"
          required
          autoComplete="off"
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <label htmlFor={`${id}-role`}>{t('members.role')}</label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as SiteRole)}
        >
          <option value="moderator">{t('role.moderator')}</option>
          <option value="owner">{t('role.owner')}</option>
        </select>
        <button type="submit" className="primary" disabled={busy}>
          {t('members.add')}
        </button>
      </form>
      {owner ? <EraseAuthor /> : null}
    </main>
  );
}
