import type { Kysely } from 'kysely';

// Frozen once landed: add a new migration instead of editing this one.
// 1. Sites get a version, bumped by every write, so a settings change is a
//    compare-and-swap: two owners (or an owner and a ban) saving at once on
//    two instances can no longer lose one of the changes.
// 2. A comment's moderation reasons keep each check's decision as data. Before,
//    only `{check, reason}` was kept and Akismet's spam call was recognised by
//    its text; rows written then get the decision their text and status imply.

// biome-ignore lint/suspicious/noExplicitAny: migrations predate today's Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('sites')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  const rows: { id: string; status: string; moderation_reasons: string }[] = await db
    .selectFrom('comments')
    .select(['id', 'status', 'moderation_reasons'])
    .where('moderation_reasons', 'is not', null)
    .execute();
  for (const row of rows) {
    const reasons = JSON.parse(row.moderation_reasons) as {
      check: string;
      reason: string;
      decision?: string;
    }[];
    const calledSpam = (r: { check: string; reason: string }) =>
      (r.check === 'akismet' && r.reason.startsWith('Akismet: blatant spam')) ||
      (r.check === 'akismet' && r.reason === 'Akismet: spam') ||
      (r.check === 'blocklist' && row.status === 'spam');
    const withDecision = reasons.map((r) => ({
      check: r.check,
      decision: r.decision ?? (calledSpam(r) ? 'spam' : 'hold'),
      reason: r.reason,
    }));
    await db
      .updateTable('comments')
      .set({ moderation_reasons: JSON.stringify(withDecision) })
      .where('id', '=', row.id)
      .execute();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sites').dropColumn('version').execute();
}
