/** What a reply shows of its original: sender and the start of the text, or that it is deleted or not loaded. */
export type QuoteView = { seq: number; sender: string; text?: string } | { seq?: undefined };

export function ReplyQuoteView({ quote, onJump }: { quote: QuoteView; onJump?: (seq: number) => void }) {
  if (quote.seq === undefined) return <span className="reply-quote missing">In reply to an earlier message</span>;
  const seq = quote.seq;
  return (
    <button type="button" className="reply-quote" onClick={() => onJump?.(seq)}>
      <span className="visually-hidden">In reply to </span>
      <span className="reply-sender">{quote.sender}</span>{' '}
      {quote.text === undefined ? <em className="reply-text">Message deleted</em> : <span className="reply-text">{quote.text}</span>}
    </button>
  );
}
