import { describe, expect, it } from 'vitest';
import { ModerationSettings } from '../../contract/moderation-settings.schema.ts';
import { SiteSettings } from '../../contract/site-settings.schema.ts';
import { draftFieldOf, NUMBER_RANGES, toDraft, toUpdate } from './settings-form.ts';
import { buildSettings } from './test-fixtures.ts';

describe('settings form', () => {
  it('sends nothing when nothing changed', () => {
    const loaded = buildSettings();
    expect(toUpdate(loaded, toDraft(loaded))).toEqual({});
  });

  it('turns Gravatar on and off', () => {
    const loaded = buildSettings();
    expect(toUpdate(loaded, { ...toDraft(loaded), gravatar: true })).toEqual({
      settings: { gravatar: true },
    });
  });

  it('sets what becomes of a deleting reader’s comments, and maps its errors to the field', () => {
    const loaded = buildSettings();
    expect(toUpdate(loaded, { ...toDraft(loaded), readerDeletion: 'remove' })).toEqual({
      settings: { readerDeletion: 'remove' },
    });
    expect(draftFieldOf('settings.readerDeletion')).toBe('readerDeletion');
  });

  it('sends only changed fields; empty text is null; all providers is null', () => {
    const loaded = buildSettings();
    loaded.settings.signInProviders = ['twitter'];
    const draft = {
      ...toDraft(loaded),
      name: '  New name ',
      akismetKey: ' key123 ',
      privacyUrl: 'https://blog.example/privacy',
      providers: ['facebook', 'twitter', 'wordpress'] as const,
      maxDepth: 'x',
    };
    expect(toUpdate(loaded, { ...draft, providers: [...draft.providers] })).toEqual({
      name: 'New name',
      settings: {
        maxDepth: Number.NaN,
        privacyUrl: 'https://blog.example/privacy',
        signInProviders: null,
        moderation: { akismetKey: 'key123' },
      },
    });
  });

  it.each([
    ['origins.0', 'origins'],
    ['name', 'name'],
    ['settings.moderation.linkLimit', 'linkLimit'],
    ['settings.moderation.blocklist.ips.2', 'ips'],
    ['settings.signInProviders.0', 'providers'],
    ['settings.somethingNew', null],
    [undefined, null],
  ])('finds the field of %s', (path, field) => {
    expect(draftFieldOf(path)).toBe(field);
  });

  it('explains a refused number with the ranges the server accepts', () => {
    const schemas = {
      linkLimit: ModerationSettings.shape.linkLimit,
      minFormSeconds: ModerationSettings.shape.minFormSeconds,
      editWindowMinutes: SiteSettings.shape.editWindowMinutes,
      maxDepth: SiteSettings.shape.maxDepth,
      requestDataRetentionDays: SiteSettings.shape.requestDataRetentionDays,
    };
    expect(Object.keys(NUMBER_RANGES).sort()).toEqual(Object.keys(schemas).sort());
    for (const [field, schema] of Object.entries(schemas)) {
      const range = NUMBER_RANGES[field as keyof typeof NUMBER_RANGES];
      if (!range) throw new Error(field);
      const ok = (n: number) => schema.safeParse(n).success;
      expect([ok(range.min), ok(range.max)], field).toEqual([true, true]);
      expect([ok(range.min - 1), ok(range.max + 1)], field).toEqual([false, false]);
      expect(ok(range.min + 0.5), field).toBe(!range.whole);
    }
  });
});
