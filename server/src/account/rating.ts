export enum Rating {
  Down = 'down',
  Up = 'up',
  Love = 'love',
}

export interface StoredRating {
  titleId: string;
  rating: Rating;
  updatedAt: number;
}

/** A profile's opinion of a title: what recommendations learn from, apart from how it is stored. */
export interface TitleRating {
  titleId: string;
  rating: Rating;
}
