/** Published prevalence figures, with the definition and denominator each one used. */
export interface PublishedFigure {
  study: string;
  share: number;
  definition: string;
  denominator: string;
}

export const PUBLISHED: PublishedFigure[] = [
  {
    study: 'HEY for the BBC, 2021',
    share: 2 / 3,
    definition: 'a tracking pixel (anything 1x1 or a known tracker)',
    denominator: 'mail to personal accounts, spam excluded',
  },
  {
    study: 'Englehardt et al., PETS 2018',
    share: 0.7,
    definition: 'at least one tracker (pixel or third-party resource)',
    denominator: 'mailing-list mail',
  },
];
