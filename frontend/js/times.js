// Times as the reader reads them: every <time datetime="…"> the server wrote in UTC is shown in the browser's time zone,
// written the way the page's language writes dates.
import { lang } from 'app/i18n/messages.js';

const format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });

/** A moment (ISO text or Date) as a date and time in the reader's time zone, e.g. "Dec 2, 2026, 12:24 AM", "2026/12/02 0:24". */
export function localTime(moment) {
  const date = moment instanceof Date ? moment : new Date(moment);
  return Number.isNaN(date.getTime()) ? String(moment ?? '') : format.format(date);
}

const clock = new Intl.DateTimeFormat(lang, { timeStyle: 'medium' });

/** A moment (ISO text or Date) as a time of day to the second in the reader's time zone, e.g. "4:01:22 AM", "4:01:22". */
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
