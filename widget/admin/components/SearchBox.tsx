import { type FormEvent, useId, useState } from 'react';
import { useDashboard } from '../context.ts';
import { t } from '../i18n.ts';

/** Searches the listed status by text, author, email or IP (on Enter; clearing shows all again). */
export function SearchBox() {
  const { state, dispatch } = useDashboard();
  const [text, setText] = useState(state.filter.q);
  const id = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    dispatch('search', text);
  }

  return (
    <search>
      <form className="search" onSubmit={submit}>
        <label htmlFor={id}>{t('queue.search')}</label>
        <input
          id={id}
          type="search"
          placeholder={t('queue.searchHint')}
          value={text}
          onInput={(event) => {
            const value = event.currentTarget.value;
            setText(value);
            if (value === '') dispatch('search', '');
          }}
        />
        <button type="submit">{t('queue.searchButton')}</button>
      </form>
    </search>
  );
}
