import { describe, expect, it } from 'vitest';
import { WORD_HTML } from '../../editor/pasteSamples';
import { pastedPictures } from './pastedFiles';

const PNG_1PX =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

describe('pastedPictures', () => {
  it('counts the pictures Word only names by a path on the copier’s disk', () => {
    const html = `<html><body><!--StartFragment--><p class=MsoNormal>现场照片如下：</p>
      <p class=MsoNormal><!--[if gte vml 1]><v:shape><v:imagedata src="file:///C:/Users/li/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" o:title=""/></v:shape><![endif]--><![if !vml]><img width=554 height=312 src="file:///C:/Users/li/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg" v:shapes="图片_x0020_1"><![endif]></p><!--EndFragment--></body></html>`;
    expect(pastedPictures(html)).toEqual({ inline: [], unreadable: 1, hasText: true });
  });

  it('decodes the pictures the HTML carries, and tells a picture alone from one with text', () => {
    const alone = pastedPictures(`<p><img src="${PNG_1PX}"></p>`);
    expect(alone).toMatchObject({ unreadable: 0, hasText: false });
    expect(alone.inline.map((picture) => picture.mediaType)).toEqual(['image/png']);
    expect([...(alone.inline[0]?.bytes.slice(0, 4) ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const mixed = pastedPictures(`<p>断桥&nbsp;现状</p><img src="https://example.org/a.png"><img src="${PNG_1PX}">`);
    expect(mixed).toMatchObject({ unreadable: 1, hasText: true });
    expect(mixed.inline).toHaveLength(1);
    // A picture of a type a photo cannot be, or broken base64, is not one to insert.
    expect(pastedPictures('<img src="data:image/svg+xml;base64,PHN2Zz4=">')).toMatchObject({
      inline: [],
      unreadable: 1,
    });
    expect(pastedPictures('<img src="data:image/png;base64,@@@">')).toMatchObject({ inline: [], unreadable: 1 });
    expect(pastedPictures('<p>&nbsp;</p>')).toEqual({ inline: [], unreadable: 0, hasText: false });
    expect(pastedPictures('')).toEqual({ inline: [], unreadable: 0, hasText: false });
  });

  it('finds no picture in the Word sample, which has none', () => {
    expect(pastedPictures(WORD_HTML)).toMatchObject({ inline: [], unreadable: 0, hasText: true });
  });
});
