// Times as the reader reads them: every <time datetime="…"> the server wrote in UTC is shown in the browser's time zone.

const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A moment (ISO text or Date) as a date and time in the reader's time zone, e.g. "2 Dec 2026, 00:24". */
export function localTime(moment) {
  const date = moment instanceof Date ? moment : new Date(moment);
  return Number.isNaN(date.getTime()) ? String(moment ?? '') : format.format(date);
}

const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** A moment (ISO text or Date) as a time of day to the second in the reader's time zone, e.g. "04:01:22". */
export function localClock(moment) {
  const date = moment instanceof Date ? moment : new Date(moment);
  return Number.isNaN(date.getTime()) ? String(moment ?? '') : clock.format(date);
}

/** Rewrites the text of every {@code time[datetime]} under {@code root}; the ISO value stays in its title. */
export function localizeTimes(root) {
  root.querySelectorAll('time[datetime]').forEach((element) => {
    element.textContent = localTime(element.dateTime);
    element.title = element.dateTime;
  });
}
