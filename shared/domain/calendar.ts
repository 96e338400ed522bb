/**
 * The committee's time zone: the days in record text (the names of versions) are its days, the
 * same whatever zone a server or a device is set to.
 */
export const COMMITTEE_TIME_ZONE = 'Asia/Shanghai';
