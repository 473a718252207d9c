/** The complaint page's 改善追踪 section: My tasks and the notices open the case there. */
export const TRACKING_SECTION = 'section-tracking';
