<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>AnnotationTool</name>
    <message>
        <source>Text on the map:</source>
        <translation>地図上のテキスト：</translation>
    </message>
    <message>
        <source>Label (optional):</source>
        <translation>ラベル（省略可）：</translation>
    </message>
</context>
<context>
    <name>Briefing</name>
    <message>
        <source>Open briefing</source>
        <translation>ブリーフィングを開く</translation>
    </message>
    <message>
        <source>Briefings (*.briefing.json);;All files (*)</source>
        <translation>ブリーフィング (*.briefing.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Cannot open briefing</source>
        <translation>ブリーフィングを開けません</translation>
    </message>
    <message>
        <source>Where is {file}?</source>
        <translation>{file} はどこにありますか？</translation>
    </message>
    <message>
        <source>{file};;All files (*)</source>
        <translation>{file};;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Track files not found</source>
        <translation>航跡ファイルが見つかりません</translation>
    </message>
    <message>
        <source>{briefing}: these track files are not where the briefing says (relative to {folder}): {names}. Open them with File &gt; Open.</source>
        <translation>{briefing}：次の航跡ファイルがブリーフィングに記録された場所（{folder} からの相対位置）にありません：{names}。「ファイル &gt; 開く」で開いてください。</translation>
    </message>
    <message>
        <source>Unknown projection</source>
        <translation>不明な投影法</translation>
    </message>
    <message>
        <source>Save briefing</source>
        <translation>ブリーフィングを保存</translation>
    </message>
    <message>
        <source>Briefings (*.briefing.json)</source>
        <translation>ブリーフィング (*.briefing.json)</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>保存に失敗しました</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} を保存しました</translation>
    </message>
    <message>
        <source>Added a text (Edit &gt; Undo removes it)</source>
        <translation>テキストを追加しました（「編集 &gt; 元に戻す」で削除できます）</translation>
    </message>
    <message>
        <source>Added an arrow (Edit &gt; Undo removes it)</source>
        <translation>矢印を追加しました（「編集 &gt; 元に戻す」で削除できます）</translation>
    </message>
    <message>
        <source>Added a circle (Edit &gt; Undo removes it)</source>
        <translation>円を追加しました（「編集 &gt; 元に戻す」で削除できます）</translation>
    </message>
    <message>
        <source>Added a polygon (Edit &gt; Undo removes it)</source>
        <translation>多角形を追加しました（「編集 &gt; 元に戻す」で削除できます）</translation>
    </message>
    <message>
        <source>Added {kind} (Edit &gt; Undo removes it)</source>
        <translation>{kind} を追加しました（「編集 &gt; 元に戻す」で削除できます）</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Scene {n}</source>
        <translation>シーン {n}</translation>
    </message>
    <message>
        <source>Added {scene}</source>
        <translation>「{scene}」を追加しました</translation>
    </message>
    <message>
        <source>Rename scene</source>
        <translation>シーン名の変更</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>タイトル：</translation>
    </message>
    <message>
        <source>Autosave failed: {error}</source>
        <translation>自動保存に失敗しました：{error}</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>保存していない作業を復元しますか？</translation>
    </message>
    <message>
        <source>ADIZ Viewer did not close cleanly. Restore the briefing autosaved at {time}?</source>
        <translation>ADIZ Viewer は前回正常に終了しませんでした。{time} に自動保存されたブリーフィングを復元しますか？</translation>
    </message>
    <message>
        <source>Scene {n}/{total}: {title}</source>
        <translation>シーン {n}/{total}：{title}</translation>
    </message>
    <message>
        <source>Presenter note:</source>
        <translation>発表者メモ：</translation>
    </message>
</context>
<context>
    <name>CountsChart</name>
    <message>
        <source>No entries into this zone in the loaded tracks</source>
        <translation>読み込んだ航跡にはこの区域への進入がありません</translation>
    </message>
    <message>
        <source>Zone whose entries are counted</source>
        <translation>進入を数える区域</translation>
    </message>
    <message>
        <source>Loaded tracks: aircraft entering per day / hour</source>
        <translation>読み込んだ航跡：1 日／1 時間ごとの進入機数</translation>
    </message>
    <message>
        <source>Published: {title}</source>
        <translation>公表値：{title}</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>The details were saved to
{path}</source>
        <translation>詳細は次の場所に保存されました
{path}</translation>
    </message>
    <message>
        <source>(the log could not be written: {error})</source>
        <translation>（ログを書き込めませんでした：{error}）</translation>
    </message>
    <message>
        <source>ADIZ Viewer: unexpected error</source>
        <translation>ADIZ Viewer：予期しないエラー</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

{where}

Your briefing&apos;s autosave is kept; please send the log with a description of what you were doing.</source>
        <translation>エラーが発生しました：{error}

{where}

ブリーフィングの自動保存は残っています。ログと、そのとき行っていた操作の説明をお送りください。</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <source>Time (UTC)</source>
        <translation>時刻 (UTC)</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>航跡</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>所属</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>区域内の時間</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>進入</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>crossing</source>
        <translation>横断</translation>
    </message>
    <message>
        <source>This zone has an approximate edge (the usual drawing, not published)</source>
        <translation>この区域の境界は概略です（一般的な描き方で、公表されたものではありません）</translation>
    </message>
    <message>
        <source>{zone} (approx.)</source>
        <translation>{zone}（概略）</translation>
    </message>
    <message>
        <source>No events</source>
        <translation>イベントなし</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV をエクスポート…</translation>
    </message>
    <message>
        <source>all</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>{shown} of {total} events</source>
        <translation>{total} 件中 {shown} 件のイベント</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>イベントのエクスポート</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>As shown</source>
        <translation>表示どおり</translation>
    </message>
    <message>
        <source>1920 x 1080 (HD)</source>
        <translation>1920 x 1080（HD）</translation>
    </message>
    <message>
        <source>3840 x 2160 (4K slides)</source>
        <translation>3840 x 2160（4K スライド）</translation>
    </message>
    <message>
        <source>3508 x 2480 (A4 at 300 dpi)</source>
        <translation>3508 x 2480（A4、300 dpi）</translation>
    </message>
    <message>
        <source>Export map as PNG</source>
        <translation>地図を PNG でエクスポート</translation>
    </message>
    <message>
        <source>Title and clock burned in</source>
        <translation>タイトルと時計を画像に入れる</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>DPI</source>
        <translation>解像度 (DPI)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Time *</source>
        <translation>時刻 *</translation>
    </message>
    <message>
        <source>Latitude *</source>
        <translation>緯度 *</translation>
    </message>
    <message>
        <source>Longitude *</source>
        <translation>経度 *</translation>
    </message>
    <message>
        <source>Track id</source>
        <translation>航跡 ID</translation>
    </message>
    <message>
        <source>Altitude</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>針路</translation>
    </message>
    <message>
        <source>Type / kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>{file} のインポート</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>(the file says)</source>
        <translation>（ファイルの指定どおり）</translation>
    </message>
    <message>
        <source>Times are in</source>
        <translation>時刻のタイムゾーン</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <source>ADIZ</source>
        <translation>防空識別圏</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>線</translation>
    </message>
    <message>
        <source>PLA exercise zones</source>
        <translation>人民解放軍の演習区域</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地名</translation>
    </message>
    <message>
        <source>Senkaku Islands</source>
        <translation>尖閣諸島</translation>
    </message>
    <message>
        <source>Opacity of the selected layer</source>
        <translation>選択したレイヤーの不透明度</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>色…</translation>
    </message>
    <message>
        <source>Draw the selected layer higher (later)</source>
        <translation>選択したレイヤーを上へ（後に描画）</translation>
    </message>
    <message>
        <source>Draw the selected layer lower (earlier)</source>
        <translation>選択したレイヤーを下へ（先に描画）</translation>
    </message>
    <message>
        <source>Add layer file…</source>
        <translation>レイヤーファイルを追加…</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>一部のみ</translation>
    </message>
    <message>
        <source>part approximate</source>
        <translation>一部概略</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>派生</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the badges of a layer</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>  ({badges})</source>
        <translation>（{badges}）</translation>
    </message>
    <message>
        <source>Select a layer to see its sources, date and confidence.</source>
        <translation>レイヤーを選択すると、出典・日付・確度を表示します。</translation>
    </message>
    <message>
        <source>Layer colour</source>
        <translation>レイヤーの色</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>Japanese usage (日本)</source>
        <translation>日本での表記（日本）</translation>
    </message>
    <message>
        <source>PRC usage (中国大陆)</source>
        <translation>中国大陸での表記（中国大陆）</translation>
    </message>
    <message>
        <source>ROC usage (臺灣)</source>
        <translation>台湾での表記（臺灣）</translation>
    </message>
    <message>
        <source>All usages</source>
        <translation>すべての表記</translation>
    </message>
    <message>
        <source>Lambert conformal conic (Taiwan region)</source>
        <translation>ランベルト正角円錐図法（台湾周辺）</translation>
    </message>
    <message>
        <source>Web Mercator (EPSG:3857)</source>
        <translation>Web メルカトル (EPSG:3857)</translation>
    </message>
    <message>
        <source>Equirectangular</source>
        <translation>正距円筒図法</translation>
    </message>
    <message>
        <source>crude</source>
        <translation>最粗</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>intermediate</source>
        <translation>中</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>full</source>
        <translation>最高</translation>
    </message>
    <message>
        <source>area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>境界</translation>
    </message>
    <message>
        <source>point</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>official</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>secondary</source>
        <translation>二次資料</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>概略</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>航跡</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>所属</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>レイヤー</translation>
    </message>
    <message>
        <source>Loading… %p%</source>
        <translation>読み込み中… %p%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop loading the track files</source>
        <translation>航跡ファイルの読み込みを中止</translation>
    </message>
    <message>
        <source>&amp;Open track files…</source>
        <translation>航跡ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Load CSV, GeoJSON, GPX, KML/KMZ, GeoPackage, Parquet, AIS NMEA or Cursor-on-Target track files</source>
        <translation>CSV、GeoJSON、GPX、KML/KMZ、GeoPackage、Parquet、AIS NMEA、Cursor-on-Target の航跡ファイルを読み込みます</translation>
    </message>
    <message>
        <source>Open &amp;briefing…</source>
        <translation>ブリーフィングを開く(&amp;B)…</translation>
    </message>
    <message>
        <source>Open a saved briefing (*.briefing.json)</source>
        <translation>保存したブリーフィング (*.briefing.json) を開きます</translation>
    </message>
    <message>
        <source>&amp;Save briefing</source>
        <translation>ブリーフィングを保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the briefing: files, layers, view, clock, scenes</source>
        <translation>ブリーフィングを保存します：ファイル、レイヤー、表示、時計、シーン</translation>
    </message>
    <message>
        <source>Save briefing &amp;as…</source>
        <translation>名前を付けてブリーフィングを保存(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Add scene from current view</source>
        <translation>現在の表示からシーンを追加(&amp;A)</translation>
    </message>
    <message>
        <source>A scene = this view, time, layers and speed</source>
        <translation>シーン = この表示、時刻、レイヤー、速度</translation>
    </message>
    <message>
        <source>&amp;Rename scene…</source>
        <translation>シーン名を変更(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete scene</source>
        <translation>シーンを削除(&amp;D)</translation>
    </message>
    <message>
        <source>Move scene &amp;earlier</source>
        <translation>シーンを前へ移動(&amp;E)</translation>
    </message>
    <message>
        <source>Move scene &amp;later</source>
        <translation>シーンを後ろへ移動(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Next scene</source>
        <translation>次のシーン(&amp;N)</translation>
    </message>
    <message>
        <source>Step to the next scene (presenter clicker)</source>
        <translation>次のシーンへ進みます（プレゼンター用リモコン）</translation>
    </message>
    <message>
        <source>&amp;Previous scene</source>
        <translation>前のシーン(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>プレゼンテーションモード(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, large type, no panels (Esc leaves)</source>
        <translation>全画面・大きな文字・パネルなし（Esc で終了）</translation>
    </message>
    <message>
        <source>Import &amp;reports…</source>
        <translation>インポートレポート(&amp;R)…</translation>
    </message>
    <message>
        <source>What was read and skipped in each loaded file</source>
        <translation>読み込んだ各ファイルで読み取った内容とスキップした内容</translation>
    </message>
    <message>
        <source>&amp;Add layer file…</source>
        <translation>レイヤーファイルを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a vector file (GeoJSON, GeoPackage, Shapefile, KML) as a map layer</source>
        <translation>ベクターファイル（GeoJSON、GeoPackage、シェープファイル、KML）を地図レイヤーとして追加します</translation>
    </message>
    <message>
        <source>Export map as &amp;PNG…</source>
        <translation>地図を PNG でエクスポート(&amp;P)…</translation>
    </message>
    <message>
        <source>Save the map as shown to a PNG image</source>
        <translation>表示中の地図を PNG 画像として保存します</translation>
    </message>
    <message>
        <source>Export &amp;video…</source>
        <translation>動画をエクスポート(&amp;V)…</translation>
    </message>
    <message>
        <source>Save the replay (in/out range) as MP4 or GIF</source>
        <translation>再生（イン点／アウト点の範囲）を MP4 または GIF で保存します</translation>
    </message>
    <message>
        <source>Export &amp;briefing as video…</source>
        <translation>ブリーフィングを動画でエクスポート(&amp;B)…</translation>
    </message>
    <message>
        <source>Every scene of the briefing in order, as MP4 or GIF</source>
        <translation>ブリーフィングの全シーンを順に MP4 または GIF で保存します</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Home view</source>
        <translation>初期表示(&amp;H)</translation>
    </message>
    <message>
        <source>Show the whole region</source>
        <translation>地域全体を表示します</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom to &amp;layer</source>
        <translation>レイヤーにズーム(&amp;L)</translation>
    </message>
    <message>
        <source>Zoom to the layer selected in the panel</source>
        <translation>パネルで選択したレイヤーにズームします</translation>
    </message>
    <message>
        <source>&amp;Graticule</source>
        <translation>経緯線(&amp;G)</translation>
    </message>
    <message>
        <source>Map &amp;date…</source>
        <translation>地図の日付(&amp;D)…</translation>
    </message>
    <message>
        <source>Show time-aware layers (Japan&apos;s ADIZ near Yonaguni, exercise zones) as on a date</source>
        <translation>時期によって変わるレイヤー（与那国島付近の日本の防空識別圏、演習区域）を指定日の状態で表示します</translation>
    </message>
    <message>
        <source>Other CRS (&amp;EPSG code)…</source>
        <translation>その他の座標参照系（EPSG コード）(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Measure distance and bearing</source>
        <translation>距離と方位を計測(&amp;M)</translation>
    </message>
    <message>
        <source>Drag on the map: geodesic range (nmi, km), true bearing and 12 nmi range rings; Esc clears</source>
        <translation>地図上でドラッグ：測地線距離（海里、km）、真方位、12 海里の距離円を表示します。Esc で消去</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>テキスト(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Arrow</source>
        <translation>矢印(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Circle</source>
        <translation>円(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Polygon (Enter to finish)</source>
        <translation>多角形（Enter で確定）(&amp;P)</translation>
    </message>
    <message>
        <source>Only during the in/out range</source>
        <translation>イン点／アウト点の範囲内のみ</translation>
    </message>
    <message>
        <source>New annotations show only while the replay is inside the in/out points</source>
        <translation>新しい注記は、再生位置がイン点とアウト点の間にあるときだけ表示されます</translation>
    </message>
    <message>
        <source>Delete the last annotation</source>
        <translation>最後の注記を削除</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About and data sources</source>
        <translation>このアプリとデータの出典(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Projection</source>
        <translation>投影法(&amp;P)</translation>
    </message>
    <message>
        <source>Place &amp;names</source>
        <translation>地名の表記(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>表示言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>タイムライン(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Colour tracks by</source>
        <translation>航跡の色分け(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Flash zone events on the map</source>
        <translation>区域イベントを地図上で点滅表示(&amp;F)</translation>
    </message>
    <message>
        <source>Track &amp;labels</source>
        <translation>航跡ラベル(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Scenes</source>
        <translation>シーン(&amp;S)</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>ツール(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>注記(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Add layer file</source>
        <translation>レイヤーファイルを追加</translation>
    </message>
    <message>
        <source>Vector layers ({patterns});;All files (*)</source>
        <translation>ベクターレイヤー ({patterns});;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Cannot add layer</source>
        <translation>レイヤーを追加できません</translation>
    </message>
    <message>
        <source>Added layer {title} ({n} features)</source>
        <translation>レイヤー {title} を追加しました（地物 {n} 件）</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>地図のエクスポート</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>{path}: could not write the PNG</source>
        <translation>{path}：PNG を書き込めませんでした</translation>
    </message>
    <message>
        <source>Saved {path} ({width}x{height}, {dpi} dpi)</source>
        <translation>{path} を保存しました（{width}x{height}、{dpi} dpi）</translation>
    </message>
    <message>
        <source>Unknown projection</source>
        <translation>不明な投影法</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>投影法</translation>
    </message>
    <message>
        <source>EPSG code or PROJ string, e.g. EPSG:3826 (TWD97 / TM2) or EPSG:32651 (UTM 51N):</source>
        <translation>EPSG コードまたは PROJ 文字列（例：EPSG:3826（TWD97 / TM2）、EPSG:32651（UTM 51N））：</translation>
    </message>
    <message>
        <source>Map date</source>
        <translation>地図の日付</translation>
    </message>
    <message>
        <source>Show time-aware layers as on (YYYY-MM-DD, UTC):</source>
        <translation>時期によって変わるレイヤーを表示する日付（YYYY-MM-DD、UTC）：</translation>
    </message>
    <message>
        <source>{text} is not a date; expected YYYY-MM-DD</source>
        <translation>{text} は日付ではありません。YYYY-MM-DD の形式で入力してください</translation>
    </message>
    <message>
        <source>{projection}  ·  coastline: {resolution}</source>
        <translation>{projection}  ·  海岸線：{resolution}</translation>
    </message>
    <message>
        <source>This {role}: {confidence}</source>
        <translation>この{role}：{confidence}</translation>
    </message>
    <message>
        <source>Measure: drag from one point to another</source>
        <translation>計測：ある地点から別の地点までドラッグします</translation>
    </message>
    <message>
        <source>The interface language changes when ADIZ Viewer is started again.</source>
        <translation>表示言語は ADIZ Viewer を次に起動したときに切り替わります。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>表示言語</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>{app} について</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>Save the briefing before closing?</source>
        <translation>閉じる前にブリーフィングを保存しますか？</translation>
    </message>
    <message>
        <source>Map
  Drag; arrow keys (Shift+arrows during a replay): pan    Wheel, + / -: zoom at the cursor
  Ctrl+0: home view      Ctrl+Shift+L: zoom to the selected layer
  Click a zone, line or place: its source, date and confidence
Replay
  Space: play / pause    Left / Right: step    Home / End: start / end
  I / O: in / out point  L: loop               [ / ]: slower / faster
  F: follow the selected track    click a track: its details
Briefing
  PageDown / PageUp (and Right / Left while presenting): next / previous scene
  Ctrl+1..9: go to a scene        Ctrl+M: add a scene from the current view
  F5: presentation mode (Esc leaves)
Tools
  M: measure range and bearing    Shift+T / A / C / P: annotate (text, arrow, circle, polygon)
  Ctrl+Z / Ctrl+Shift+Z: undo / redo scene and annotation edits
Files
  Ctrl+O: open tracks    Ctrl+Shift+O: open a briefing    Ctrl+S: save the briefing
  Ctrl+L: add a layer file        Ctrl+E: export PNG      Ctrl+Shift+E: export video
</source>
        <translation>地図
  ドラッグ、矢印キー（再生中は Shift+矢印キー）：移動    ホイール、+ / -：カーソル位置でズーム
  Ctrl+0：初期表示      Ctrl+Shift+L：選択したレイヤーにズーム
  区域・線・地点をクリック：出典、日付、確度を表示
再生
  Space：再生 / 一時停止    Left / Right：ステップ    Home / End：先頭 / 末尾
  I / O：イン点 / アウト点  L：ループ               [ / ]：遅く / 速く
  F：選択した航跡を追従    航跡をクリック：詳細を表示
ブリーフィング
  PageDown / PageUp（プレゼンテーション中は Right / Left も）：次 / 前のシーン
  Ctrl+1..9：シーンへ移動        Ctrl+M：現在の表示からシーンを追加
  F5：プレゼンテーションモード（Esc で終了）
ツール
  M：距離と方位を計測    Shift+T / A / C / P：注記（テキスト、矢印、円、多角形）
  Ctrl+Z / Ctrl+Shift+Z：シーンと注記の編集を元に戻す / やり直す
ファイル
  Ctrl+O：航跡を開く    Ctrl+Shift+O：ブリーフィングを開く    Ctrl+S：ブリーフィングを保存
  Ctrl+L：レイヤーファイルを追加        Ctrl+E：PNG をエクスポート      Ctrl+Shift+E：動画をエクスポート
</translation>
    </message>
    <message>
        <source>Reference layers are drawn only from published coordinates; approximate edges are dashed and partial layers say so.</source>
        <translation>参照レイヤーは公表された座標だけから描いています。概略の境界は破線で示し、一部のみのレイヤーはその旨を表示します。</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>データの出典</translation>
    </message>
    <message>
        <source>Not drawn</source>
        <translation>描画していないもの</translation>
    </message>
    <message>
        <source>Libraries: {names}.</source>
        <translation>使用ライブラリ：{names}。</translation>
    </message>
</context>
<context>
    <name>MapPainters</name>
    <message>
        <source>Zones: published coordinates, sources and confidence in Help &gt; About · Coastlines: GSHHG 2.3 (Wessel &amp; Smith), LGPL-3.0</source>
        <translation>区域：公表座標。出典と確度は「ヘルプ &gt; このアプリについて」 · 海岸線：GSHHG 2.3（Wessel &amp; Smith）、LGPL-3.0</translation>
    </message>
    <message>
        <source>published edge (official or secondary source)</source>
        <translation>公表された境界（公式または二次資料）</translation>
    </message>
    <message>
        <source>approximate edge: usual drawing, not published</source>
        <translation>概略の境界：一般的な描き方で、公表されたものではありません</translation>
    </message>
    <message>
        <source>overlap of two ADIZs</source>
        <translation>2 つの防空識別圏の重なり</translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <source>Export video</source>
        <translation>動画のエクスポート</translation>
    </message>
    <message>
        <source>Load track files first: there is nothing to replay</source>
        <translation>先に航跡ファイルを読み込んでください。再生するものがありません</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4);;GIF animation (*.gif)</source>
        <translation>MP4 動画 (*.mp4);;GIF アニメーション (*.gif)</translation>
    </message>
    <message>
        <source>Export briefing</source>
        <translation>ブリーフィングのエクスポート</translation>
    </message>
    <message>
        <source>The briefing has no scenes to play</source>
        <translation>このブリーフィングには再生するシーンがありません</translation>
    </message>
    <message>
        <source>Export briefing video</source>
        <translation>ブリーフィング動画のエクスポート</translation>
    </message>
    <message>
        <source>Rendering the video…</source>
        <translation>動画を作成しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Export cancelled; no file written</source>
        <translation>エクスポートを中止しました。ファイルは書き込まれていません</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>Saved {path} ({frames} frames)</source>
        <translation>{path} を保存しました（{frames} フレーム）</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>Click a track on the map to see its details.</source>
        <translation>地図上の航跡をクリックすると詳細を表示します。</translation>
    </message>
    <message>
        <source>Track details</source>
        <translation>航跡の詳細</translation>
    </message>
    <message>
        <source>Zone events</source>
        <translation>区域イベント</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>機数の集計</translation>
    </message>
    <message>
        <source>&amp;Follow selected track</source>
        <translation>選択した航跡を追従(&amp;F)</translation>
    </message>
    <message>
        <source>Keep the selected track centred during replay</source>
        <translation>再生中、選択した航跡を画面の中央に保ちます</translation>
    </message>
    <message>
        <source>{track}: {event} {zone}</source>
        <translation>{track}：{zone} {event}</translation>
    </message>
    <message>
        <source>{track}: {event} {zone} at {time} UTC</source>
        <translation>{track}：{time} UTC に {zone} {event}</translation>
    </message>
    <message>
        <source>id {id}</source>
        <translation>ID {id}</translation>
    </message>
    <message>
        <source>altitude {m} m ({ft} ft)</source>
        <translation>高度 {m} m（{ft} ft）</translation>
    </message>
    <message>
        <source>speed {kt} kt</source>
        <translation>速度 {kt} ノット</translation>
    </message>
    <message>
        <source>heading {deg}°</source>
        <translation>針路 {deg}°</translation>
    </message>
    <message>
        <source>closest approach:</source>
        <translation>最接近距離：</translation>
    </message>
    <message>
        <source>{place}: {nmi} nmi at {time}</source>
        <translation>{place}：{nmi} 海里（{time}）</translation>
    </message>
    <message>
        <source>file: {name}</source>
        <translation>ファイル：{name}</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Notices</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Skipped rows ({n})</source>
        <translation>スキップした行（{n}）</translation>
    </message>
    <message>
        <source>line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>… and {n} more (see &lt;code&gt;adiz-viewer inspect FILE&lt;/code&gt; for all).</source>
        <translation>…ほか {n} 件（すべて見るには &lt;code&gt;adiz-viewer inspect FILE&lt;/code&gt;）。</translation>
    </message>
    <message>
        <source>Import report — {file}</source>
        <translation>インポートレポート — {file}</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Heads only</source>
        <translation>現在位置のみ</translation>
    </message>
    <message>
        <source>Whole track</source>
        <translation>航跡全体</translation>
    </message>
    <message>
        <source>Taipei</source>
        <translation>台北</translation>
    </message>
    <message>
        <source>Tokyo</source>
        <translation>東京</translation>
    </message>
    <message>
        <source>Beijing</source>
        <translation>北京</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>この PC の時刻</translation>
    </message>
    <message>
        <source>Tracks live over time. Click to go there; click a marker to jump to it.</source>
        <translation>時間ごとの航跡数。クリックでその時刻へ、マーカーをクリックでそのイベントへ移動します。</translation>
    </message>
    <message>
        <source>No tracks loaded</source>
        <translation>航跡が読み込まれていません</translation>
    </message>
    <message>
        <source>Drag to scrub through time</source>
        <translation>ドラッグして時間を移動</translation>
    </message>
    <message>
        <source>Replay speed: map time per real second</source>
        <translation>再生速度：実時間 1 秒あたりの地図上の時間</translation>
    </message>
    <message>
        <source>How much of each track is drawn</source>
        <translation>各航跡をどこまで描くか</translation>
    </message>
    <message>
        <source>Step size for ◀ ▶ (Left/Right keys)</source>
        <translation>◀ ▶ の移動幅（Left/Right キー）</translation>
    </message>
    <message>
        <source>Time zone shown under UTC</source>
        <translation>UTC の下に表示するタイムゾーン</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Trail</source>
        <translation>軌跡</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>再生(&amp;P)</translation>
    </message>
    <message>
        <source>Play or pause the replay (Space)</source>
        <translation>再生または一時停止（Space）</translation>
    </message>
    <message>
        <source>Step &amp;back</source>
        <translation>1 ステップ戻る(&amp;B)</translation>
    </message>
    <message>
        <source>Go back one step (Left)</source>
        <translation>1 ステップ戻ります（Left）</translation>
    </message>
    <message>
        <source>Step &amp;forward</source>
        <translation>1 ステップ進む(&amp;F)</translation>
    </message>
    <message>
        <source>Go forward one step (Right)</source>
        <translation>1 ステップ進みます（Right）</translation>
    </message>
    <message>
        <source>Jump to &amp;start</source>
        <translation>先頭へ(&amp;S)</translation>
    </message>
    <message>
        <source>Go to the start, or the in point (Home)</source>
        <translation>先頭またはイン点へ移動します（Home）</translation>
    </message>
    <message>
        <source>Jump to &amp;end</source>
        <translation>末尾へ(&amp;E)</translation>
    </message>
    <message>
        <source>Go to the end, or the out point (End)</source>
        <translation>末尾またはアウト点へ移動します（End）</translation>
    </message>
    <message>
        <source>&amp;Loop</source>
        <translation>ループ(&amp;L)</translation>
    </message>
    <message>
        <source>Start again from the in point after the out point (L)</source>
        <translation>アウト点の後、イン点から繰り返します（L）</translation>
    </message>
    <message>
        <source>&amp;In</source>
        <translation>イン点(&amp;I)</translation>
    </message>
    <message>
        <source>Replay from the current time (I)</source>
        <translation>現在の時刻から再生します（I）</translation>
    </message>
    <message>
        <source>&amp;Out</source>
        <translation>アウト点(&amp;O)</translation>
    </message>
    <message>
        <source>Replay up to the current time (O)</source>
        <translation>現在の時刻まで再生します（O）</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>解除(&amp;C)</translation>
    </message>
    <message>
        <source>Replay the whole time range again</source>
        <translation>時間範囲全体を再生します</translation>
    </message>
    <message>
        <source>&amp;Slower</source>
        <translation>遅く(&amp;S)</translation>
    </message>
    <message>
        <source>The next slower replay speed ([)</source>
        <translation>1 段階遅い再生速度にします（[）</translation>
    </message>
    <message>
        <source>F&amp;aster</source>
        <translation>速く(&amp;A)</translation>
    </message>
    <message>
        <source>The next faster replay speed (])</source>
        <translation>1 段階速い再生速度にします（]）</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>一時停止(&amp;P)</translation>
    </message>
</context>
<context>
    <name>TrackFiles</name>
    <message>
        <source>Open track files</source>
        <translation>航跡ファイルを開く</translation>
    </message>
    <message>
        <source>Track files ({patterns});;All files (*)</source>
        <translation>航跡ファイル ({patterns});;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Loaded {file}: {tracks} tracks, {fixes} fixes ({skipped} rows skipped, {warnings} warnings: File &gt; Import reports)</source>
        <translation>{file} を読み込みました：航跡 {tracks} 本、測位点 {fixes} 点（{skipped} 行をスキップ、警告 {warnings} 件：「ファイル &gt; インポートレポート」を参照）</translation>
    </message>
    <message>
        <source>Loaded {file}: {tracks} tracks, {fixes} fixes</source>
        <translation>{file} を読み込みました：航跡 {tracks} 本、測位点 {fixes} 点</translation>
    </message>
    <message>
        <source>Cannot open track file</source>
        <translation>航跡ファイルを開けません</translation>
    </message>
    <message>
        <source>Loading {file} cancelled</source>
        <translation>{file} の読み込みを中止しました</translation>
    </message>
    <message>
        <source>Time zone of the file</source>
        <translation>ファイルのタイムゾーン</translation>
    </message>
    <message>
        <source>In which time zone are the times of {file}?</source>
        <translation>{file} の時刻はどのタイムゾーンですか？</translation>
    </message>
    <message>
        <source>No track file loaded yet</source>
        <translation>航跡ファイルはまだ読み込まれていません</translation>
    </message>
</context>
<context>
    <name>TrackLoader</name>
    <message>
        <source>{file}: could not be read ({error})</source>
        <translation>{file}：読み込めませんでした（{error}）</translation>
    </message>
</context>
<context>
    <name>TrackPainter</name>
    <message>
        <source>fighter</source>
        <translation>戦闘機</translation>
    </message>
    <message>
        <source>bomber</source>
        <translation>爆撃機</translation>
    </message>
    <message>
        <source>ISR / AEW / ASW</source>
        <translation>偵察 / 早期警戒 / 対潜</translation>
    </message>
    <message>
        <source>UAV</source>
        <translation>無人機</translation>
    </message>
    <message>
        <source>helicopter</source>
        <translation>ヘリコプター</translation>
    </message>
    <message>
        <source>transport / tanker</source>
        <translation>輸送機 / 空中給油機</translation>
    </message>
    <message>
        <source>ship / coast guard</source>
        <translation>艦船 / 沿岸警備</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source> (no data)</source>
        <translation>（データなし）</translation>
    </message>
</context>
</TS>
