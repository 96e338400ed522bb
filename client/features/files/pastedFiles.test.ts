import { describe, expect, it } from 'vitest';
import { WORD_HTML } from '../../editor/pasteSamples';
import { inlinePictureFile, pastedPictures } from './pastedFiles';

const PNG_1PX =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

describe('pastedPictures', () => {
  it('counts the pictures Word only names by a path on the copier’s disk', () => {
    const html = `<html><body><!--StartFragment--><p class=MsoNormal>现场照片如下：</p>
      <p class=MsoNormal><!--[if gte vml 1]><v:shape><v:imagedata src="file:///C:/Users/li/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" o:title=""/></v:shape><![endif]--><![if !vml]><img width=554 height=312 src="file:///C:/Users/li/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg" v:shapes="图片_x0020_1"><![endif]></p><!--EndFragment--></body></html>`;
    expect(pastedPictures(html)).toEqual({ inline: [], unreadable: 1, hasText: true });
  });

  it('keeps the pictures the HTML carries, and tells a picture alone from one with text', () => {
    expect(pastedPictures(`<p><img src="${PNG_1PX}"></p>`)).toEqual({
      inline: [PNG_1PX],
      unreadable: 0,
      hasText: false,
    });
    expect(pastedPictures(`<p>断桥&nbsp;现状</p><img src="https://example.org/a.png"><img src="${PNG_1PX}">`)).toEqual({
      inline: [PNG_1PX],
      unreadable: 1,
      hasText: true,
    });
    // A picture of another type, or a script in disguise, is not one to insert.
    expect(pastedPictures('<img src="data:image/svg+xml;base64,PHN2Zz4=">').inline).toEqual([]);
    expect(pastedPictures('<p>&nbsp;</p>')).toEqual({ inline: [], unreadable: 0, hasText: false });
    expect(pastedPictures('')).toEqual({ inline: [], unreadable: 0, hasText: false });
  });

  it('finds no picture in the Word sample, which has none', () => {
    expect(pastedPictures(WORD_HTML)).toMatchObject({ inline: [], unreadable: 0, hasText: true });
  });
});

describe('inlinePictureFile', () => {
  it('makes a file of a data URL’s bytes, with its type', async () => {
    const file = inlinePictureFile(PNG_1PX, '粘贴的图片.png');
    expect(file?.type).toBe('image/png');
    expect(file?.name).toBe('粘贴的图片.png');
    const bytes = new Uint8Array((await file?.arrayBuffer()) ?? new ArrayBuffer(0));
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('refuses anything else', () => {
    expect(inlinePictureFile('https://example.org/a.png', 'a.png')).toBeNull();
    expect(inlinePictureFile('data:image/png;base64,@@@', 'a.png')).toBeNull();
  });
});
