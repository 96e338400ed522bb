import type { docTitleZhCN } from './strings';

export const docTitleEn: typeof docTitleZhCN = {
  tooLong:
    'A title has at most {{limit}} characters; this one has {{length}}. Remove {{over}}, or document lists show only the first {{limit}}.',
};
