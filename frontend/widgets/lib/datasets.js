// The image sets' titles and class names in the page's language, by the ids and labels the API sends.
import { t } from 'app/i18n/messages.js';

const TITLES = { mnist: 'datasets.mnist', 'fashion-mnist': 'datasets.fashionMnist', photos: 'datasets.photos' };

const CLASSES = {
  'fashion-mnist': ['datasets.fashion.tshirt', 'datasets.fashion.trouser', 'datasets.fashion.pullover', 'datasets.fashion.dress',
    'datasets.fashion.coat', 'datasets.fashion.sandal', 'datasets.fashion.shirt', 'datasets.fashion.sneaker',
    'datasets.fashion.bag', 'datasets.fashion.ankleBoot'],
  photos: ['datasets.photo.astronaut', 'datasets.photo.coffee', 'datasets.photo.chelsea', 'datasets.photo.rocket'],
};

/** A set's title by its id ("mnist"); one the front end does not know keeps the server's {@code fallback}. */
export function datasetTitle(name, fallback) {
  return TITLES[name] ? t(TITLES[name]) : fallback ?? name;
}

/** A class's name by its label: the digit itself for MNIST ("9"), else its name ("Ankle boot"). */
export function className(dataset, label) {
  const key = CLASSES[dataset]?.[label];
  return key ? t(key) : String(label);
}
