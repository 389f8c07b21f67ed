import type { SnippetPart } from '../../../shared/domain/kb';

/** Text with its matched words marked; parts are text, never HTML. */
export function Marked({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <>{parts.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</>
  );
}
