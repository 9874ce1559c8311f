// Grows a textarea with its content, so the sheet reads like a document, not a form.
export function autosize(node: HTMLTextAreaElement, _value?: string) {
  const fit = () => {
    node.style.height = 'auto';
    node.style.height = `${node.scrollHeight}px`;
  };
  const onResize = () => fit();
  node.addEventListener('input', fit);
  window.addEventListener('resize', onResize);
  queueMicrotask(fit);
  return {
    update(_next?: string) {
      queueMicrotask(fit);
    },
    destroy() {
      node.removeEventListener('input', fit);
      window.removeEventListener('resize', onResize);
    },
  };
}

/** True while an input method (Chinese, Vietnamese Telex…) is composing: keys are not ours. */
export function composing(e: KeyboardEvent): boolean {
  return e.isComposing || e.keyCode === 229;
}

/**
 * For one-line fields drawn as wrapping textareas: Enter moves on to the next field
 * instead of starting a new line (pasted line breaks are kept as typed).
 */
export function singleLine(e: KeyboardEvent): void {
  if (e.key !== 'Enter' || composing(e)) return;
  e.preventDefault();
  const fields = [...document.querySelectorAll<HTMLElement>('input, textarea, select, button')].filter(
    (el) => !el.hasAttribute('disabled') && el.tabIndex >= 0,
  );
  const i = fields.indexOf(e.currentTarget as HTMLElement);
  fields[i + 1]?.focus();
}
