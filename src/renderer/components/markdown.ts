import { Marked, type Tokens } from 'marked';

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

// Only what the shell lets out (https, mailto); an http link stays text rather than a link that cannot open.
const safeLink = (href: string) => /^(https:|mailto:)/i.test(href.trim());

/**
 * Markdown for runbook instructions, made safe: raw HTML is shown as text, links only to http(s) and mailto,
 * images not loaded (the CSP forbids remote images anyway); the rest is marked's own escaped output.
 */
const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text),
    image: (token: Tokens.Image) => escapeHtml(token.text || token.href),
    link(token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      if (!safeLink(token.href)) return text;
      return `<a href="${escapeHtml(token.href)}" target="_blank" rel="noopener noreferrer" data-external>${text}</a>`;
    },
  },
});

export function renderMarkdown(source: string): string {
  return marked.parse(source) as string;
}
