export * from './common';
export * from './message-type';
export * from './messages/referral';
export * from './messages/citizen';
export * from './catalogue';
export * from './json-schema';
