/**
 * Week days and hours in the store's time zone, as retail.schedule.mixin
 * (models/retail_schedule_mixin.py) applies them on the server: both are checked
 * against static/tests/vectors/retail_schedule.json.
 */
const {DateTime} = luxon;

export const RETAIL_WEEKDAYS = [
    "retail_monday",
    "retail_tuesday",
    "retail_wednesday",
    "retail_thursday",
    "retail_friday",
    "retail_saturday",
    "retail_sunday",
];

/** The hour of `moment` (a luxon DateTime) as a number: 9:30 is 9.5. */
export function retailScheduleHour(moment) {
    return moment.hour + moment.minute / 60 + moment.second / 3600;
}

/** An hour given as a number as HH:MM (9.5 is 09:30). */
export function retailFormatHour(hour) {
    const minutes = Math.round(hour * 60);
    const pad = (value) => String(value).padStart(2, "0");
    return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Whether `record` runs on the week day of `moment` (a luxon DateTime). */
export function retailScheduleDayMatches(record, moment) {
    return record[RETAIL_WEEKDAYS[moment.weekday - 1]] !== false;
}

/**
 * Whether the week days and hours of `record` (fields of retail.schedule.mixin;
 * missing ones take their defaults) include `moment` (a luxon DateTime in the
 * store's time zone): retail.schedule.mixin._retail_schedule_matches.
 */
export function retailScheduleMatches(record, moment) {
    if (!retailScheduleDayMatches(record, moment)) {
        return false;
    }
    const hour = retailScheduleHour(moment);
    const from = record.retail_hour_from ?? 0;
    const to = record.retail_hour_to ?? 24;
    return from <= hour && hour < to;
}

/** The names of the week days `record` runs on (e.g. ["Monday", "Friday"]). */
export function retailScheduleDayNames(record) {
    return RETAIL_WEEKDAYS.map((field, index) =>
        record[field] === false
            ? null
            : DateTime.fromObject({weekday: index + 1}).toFormat("cccc")
    ).filter(Boolean);
}

// The store's time, kept for a second: the till checks the schedule of every
// promotion at each recomputation, and luxon's time zone conversion is not cheap
const storeNow = {zone: undefined, until: 0, moment: undefined};

/**
 * The current time in the store's time zone (pos.config.retail_store_tz, UTC
 * when unknown), as a luxon DateTime.
 */
export function retailStoreNow(config) {
    const zone = config?.retail_store_tz || "UTC";
    const now = Date.now();
    if (storeNow.zone !== zone || now >= storeNow.until) {
        storeNow.zone = zone;
        storeNow.until = now + 1000;
        storeNow.moment = DateTime.fromMillis(now).setZone(zone);
    }
    return storeNow.moment;
}
