export { requestNonFulfilmentExplanation } from './request-non-fulfilment-explanation';
export { recordNonFulfilmentExplanation } from './record-non-fulfilment-explanation';
export { decideNonFulfilmentGoodCause } from './decide-non-fulfilment-good-cause';
export { warnOfNonFulfilment } from './warn-of-non-fulfilment';
export { terminateForNonFulfilment } from './terminate-for-non-fulfilment';
export { fileNonFulfilmentAppeal } from './file-non-fulfilment-appeal';
export { decideNonFulfilmentAppeal } from './decide-non-fulfilment-appeal';
