/**
 * A name or value from the user's file as a message quotes it: in double quotes, as JSON writes it,
 * so a line break, a tab or a quote inside it is escaped (\n, \") and it reads as the one value it
 * is. Quoted raw, "a \nb" would be joined onto one line as "a b", another name.
 */
export function quote(value: unknown): string {
  return JSON.stringify(typeof value === 'string' ? value : String(value));
}
