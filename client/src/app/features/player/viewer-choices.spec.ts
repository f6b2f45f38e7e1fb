import type shaka from 'shaka-player/dist/shaka-player.ui';
import { ViewerChoices } from './viewer-choices';

/** A player whose menus show these subtitle and picture choices. */
function playerWith(options: { subtitles?: string; height?: number; qualityFixed?: boolean }) {
  const player = {
    getTextTracks: () => ['en', 'es'].map((language) => ({ language, kind: 'subtitle', active: language === options.subtitles })),
    getVariantTracks: () => [360, 540, 720].map((height) => ({ height, active: height === options.height })),
    getConfiguration: () => ({ abr: { enabled: !options.qualityFixed } }),
    selectTextTrack: jest.fn(),
    selectVariantTrack: jest.fn(),
  };
  return player as typeof player & shaka.Player;
}

describe('ViewerChoices', () => {
  it('puts back the subtitles and the quality the viewer fixed', () => {
    const choices = ViewerChoices.of(playerWith({ subtitles: 'es', height: 540, qualityFixed: true }));
    const reloaded = playerWith({ height: 360 });
    choices.restoreTo(reloaded);
    expect(reloaded.selectTextTrack).toHaveBeenCalledWith(expect.objectContaining({ language: 'es' }));
    expect(reloaded.selectVariantTrack).toHaveBeenCalledWith(expect.objectContaining({ height: 540 }), true);
  });

  it('leaves subtitles off and the quality to the player when the viewer chose neither', () => {
    const choices = ViewerChoices.of(playerWith({ height: 720 }));
    const reloaded = playerWith({ height: 360 });
    choices.restoreTo(reloaded);
    expect(reloaded.selectTextTrack).not.toHaveBeenCalled();
    expect(reloaded.selectVariantTrack).not.toHaveBeenCalled();
  });
});
