/**
 * Clipboard HTML as Word and WPS write it, for the paste tests (unit and browser); not part of
 * the app.
 */

/** What Word for Windows puts on the clipboard for a heading, a bold run, a two-level list and a table. */
export const WORD_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document>
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:10.5pt; font-family:等线;}
p.MsoListParagraph {mso-style-priority:34; text-indent:21.0pt;} @list l0:level1 {mso-level-number-format:bullet;} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;word-wrap:break-word'>
<!--StartFragment-->
<h1 style='mso-pagination:widow-orphan'><span lang=EN-US style='font-family:"微软雅黑",sans-serif'>关于加装电梯的建议</span><o:p></o:p></h1>
<p class=MsoNormal><span style='font-family:宋体'>城东片区有<b>老旧小区</b>四十余个，<span style='font-weight:bold'>资金</span>分摊<i>难以</i>协商。<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='margin-left:18.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:宋体'>设立专项补贴</span><o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:36.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><!--[if !supportLists]--><span lang=EN-US style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><!--[endif]--><span style='font-family:宋体'>按楼层分摊</span></p>
<p class=MsoListParagraphCxSpLast style='margin-left:18.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]><span style='font-family:宋体'>简化审批</span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0'><td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal><b>小区</b><o:p></o:p></p></td>
  <td width=277 valign=top style='width:207.4pt'><p class=MsoNormal>户数<o:p></o:p></p></td></tr>
 <tr><td><p class=MsoNormal>幸福里<o:p></o:p></p></td><td><p class=MsoNormal>320<o:p></o:p></p></td></tr>
</table>
<p class=MsoNormal><a href="javascript:alert(1)" onclick="steal()">危险链接</a>和<a href="https://www.gov.cn/">政府网</a><o:p>&nbsp;</o:p></p>
<!--EndFragment-->
</body></html>`;

/** What WPS Office writes: Office markers, numbered list paragraphs with a 、 marker, inline styles. */
export const WPS_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name="Generator" content="Kingsoft Office">
<style>p.MsoNormal{mso-style-name:正文;font-family:'Times New Roman';}</style></head>
<body><!--StartFragment--><p class="MsoNormal" style="text-align:center;"><b><span style="font-size:22pt;font-family:方正小标宋简体;">具体建议</span></b></p>
<p class="MsoNormal" style="margin-left:21pt;text-indent:-21pt;mso-list:l1 level1 lfo2;"><![if !supportLists]><span style="mso-list:Ignore;">一、</span><![endif]><span style="font-family:仿宋_GB2312;color:#ff0000;">加大财政投入</span></p>
<p class="MsoNormal" style="margin-left:21pt;text-indent:-21pt;mso-list:l1 level1 lfo2;"><![if !supportLists]><span style="mso-list:Ignore;">二、</span><![endif]><span style="font-family:仿宋_GB2312;font-style:italic;">引入社会资本</span></p>
<p class="MsoNormal"><span style="text-decoration:underline;">请审议</span><o:p></o:p></p><!--EndFragment--></body></html>`;
