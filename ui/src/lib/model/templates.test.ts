import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, localizedTemplate, localizeModules } from './templates';

const template = (id: string) => {
  const found = BUILTIN_TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
};

describe('localized templates (the twin of Template::localized)', () => {
  it('puts the Russian name, titles, hints and labels on a template', () => {
    const ru = localizedTemplate(template('user-persona'), 'ru-RU');
    expect(ru.name).toBe('Портрет пользователя');
    const facts = ru.modules.find((m) => m.id === 'facts');
    expect(facts?.title).toBe('О себе');
    expect(facts?.body.kind === 'facts' && facts.body.rows[0]?.label).toBe('Возраст');
    const personality = ru.modules.find((m) => m.id === 'personality');
    expect(personality?.body.kind === 'sliders' && personality.body.rows[0]).toMatchObject({
      left: 'Интроверт',
      right: 'Экстраверт',
    });
  });

  it('keeps English for English, an unknown language and untranslated pieces', () => {
    const t = template('b2b-buyer');
    expect(localizedTemplate(t, 'en')).toEqual(t);
    expect(localizedTemplate(t, 'pl')).toEqual(t);
    const partial = structuredClone(t);
    const zh = partial.locales.zh;
    if (!zh) throw new Error('no zh');
    delete zh.modules.goals;
    const mods = localizeModules(partial, 'zh', partial.modules);
    expect(mods.find((m) => m.id === 'goals')?.title).toBe('Goals');
    expect(mods.find((m) => m.id === 'tools')?.title).toBe('使用的工具');
  });

  it('every built-in template has every module in zh, ru, vi and lt', () => {
    for (const t of BUILTIN_TEMPLATES) {
      for (const lang of ['zh', 'ru', 'vi', 'lt']) {
        const loc = localizedTemplate(t, lang);
        loc.modules.forEach((m, i) => {
          expect(m.hint, `${t.id}/${lang}/${m.id}`).not.toBe(t.modules[i]?.hint);
        });
      }
    }
  });
});
