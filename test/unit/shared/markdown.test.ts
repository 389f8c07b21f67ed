import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/renderer/components/markdown';

describe('runbook markdown', () => {
  it('renders emphasis, code and lists', () => {
    expect(renderMarkdown('**nie** ins Ticket, `outlook.exe /safe`')).toBe(
      '<p><strong>nie</strong> ins Ticket, <code>outlook.exe /safe</code></p>\n',
    );
  });
  it.each([
    ['<script>alert(1)</script>', '<script'],
    ['<img src=x onerror=alert(1)>', '<img'],
    ['Text <b onclick="x()">fett</b>', '<b onclick'],
    ['[klick](javascript:alert(1))', 'javascript:'],
    ['![bild](https://evil.example/x.png)', '<img'],
  ])('shows %s as text, never as markup', (source, forbidden) => {
    const html = renderMarkdown(source);
    expect(html).not.toContain(forbidden);
  });
  it('keeps an http link as its text only: the shell would not open it', () => {
    expect(renderMarkdown('[Intranet](http://intranet/)')).toBe('<p>Intranet</p>\n');
  });
  it('keeps https links, marked as external (the app shows the target before opening)', () => {
    expect(renderMarkdown('[Release Health](https://learn.microsoft.com/windows/release-health/)')).toContain(
      '<a href="https://learn.microsoft.com/windows/release-health/" target="_blank" rel="noopener noreferrer" data-external>Release Health</a>',
    );
  });
});
