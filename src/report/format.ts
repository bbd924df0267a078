/** The reports format numbers as the app does. */
export { formatNumber, formatValue, joinAnd, plural } from '../core/format';
