/**
 * The problems of a check, as `npm run validate` words them, shown at the fields they name too:
 * a report line "  vendors[1].entersAt: a month as YYYY-MM..." marks the row of the field it is
 * about, wherever it is on the page, so the analyst sees which field is wrong without reading
 * paths. The report names paths in the saved file, which holds only the changes: `toScenario`
 * (change-paths.ts) takes each to the path of the field on the page. The red box keeps the whole report.
 */

/** Problem lines by the path they name. A line about another file of the extends chain ("in x.json, ...") names no field here. */
export function problemsByPath(report: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const line of report.split('\n')) {
    const match = /^ {2}(?!in \S+, )([^\s:]+): (.+)$/.exec(line);
    if (match !== null && !found.has(match[1]!)) found.set(match[1]!, match[2]!);
  }
  return found;
}

/** Marks the rows under `container` that the report names, and unmarks the rest; no report unmarks all. */
export function markProblems(container: HTMLElement, report: string | undefined, toScenario: (filePath: string) => string): void {
  const problems = new Map([...(report === undefined ? [] : problemsByPath(report))].map(([path, message]) => [toScenario(path), message]));
  for (const row of container.querySelectorAll<HTMLElement>('[data-path]')) {
    row.querySelectorAll(':scope > .problem').forEach((node) => node.remove());
    const message = problems.get(row.dataset.path ?? '');
    row.classList.toggle('invalid', message !== undefined);
    for (const control of row.querySelectorAll(':scope > input, :scope > select')) {
      if (message === undefined) control.removeAttribute('aria-invalid');
      else control.setAttribute('aria-invalid', 'true');
    }
    if (message !== undefined) {
      const note = document.createElement('div');
      note.className = 'problem';
      note.textContent = message;
      row.append(note);
    }
  }
}
