<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>AlertRules</name>
    <message>
        <source>to the east side</source>
        <translation>東側へ越えたとき</translation>
    </message>
    <message>
        <source>to the west side</source>
        <translation>西側へ越えたとき</translation>
    </message>
    <message>
        <source>to the north side</source>
        <translation>北側へ越えたとき</translation>
    </message>
    <message>
        <source>to the south side</source>
        <translation>南側へ越えたとき</translation>
    </message>
    <message>
        <source>Live alerts</source>
        <translation>ライブ警報</translation>
    </message>
    <message>
        <source>Which zone events of the live feeds show a notice on the map. Every event is listed in the events table. Ticking none in a group means any; ticking a side alerts only on line crossings to that side.</source>
        <translation>ライブフィードのどのゾーンイベントを地図に通知するか。すべてのイベントはイベント表に載ります。グループで何もチェックしなければ「すべて」、側をチェックするとその側への線越えだけを警報します。</translation>
    </message>
    <message>
        <source>no sound</source>
        <translation>音なし</translation>
    </message>
    <message>
        <source>the system&apos;s beep</source>
        <translation>システムのビープ音</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>ゾーン</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Line crossed</source>
        <translation>線越えの方向</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>音</translation>
    </message>
</context>
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
    <name>Archive</name>
    <message>
        <source>Open &amp;archive…</source>
        <translation>アーカイブを開く(&amp;A)…</translation>
    </message>
    <message>
        <source>Open a folder of partitioned Parquet files: years of fixes, asked</source>
        <translation>分割された Parquet ファイルのフォルダーを開く：何年分もの位置を、読み込まずに問い合わせます</translation>
    </message>
    <message>
        <source>Connect to &amp;database…</source>
        <translation>データベースに接続(&amp;D)…</translation>
    </message>
    <message>
        <source>A PostgreSQL/PostGIS table of fixes, or OpenSky</source>
        <translation>PostgreSQL/PostGIS の位置のテーブル、または OpenSky</translation>
    </message>
    <message>
        <source>Whole &amp;archive</source>
        <translation>アーカイブ全体(&amp;A)</translation>
    </message>
    <message>
        <source>Show the archive&apos;s whole span on the timeline</source>
        <translation>アーカイブの全期間をタイムラインに表示</translation>
    </message>
    <message>
        <source>&amp;Widen the archive window</source>
        <translation>アーカイブの時間窓を広げる(&amp;W)</translation>
    </message>
    <message>
        <source>Four times the time window, around its middle</source>
        <translation>時間窓を中央を中心に4倍にする</translation>
    </message>
    <message>
        <source>&amp;Count zone entries in the whole archive</source>
        <translation>アーカイブ全体の区域進入を数える(&amp;C)</translation>
    </message>
    <message>
        <source>Counts per zone and day, computed in the engine</source>
        <translation>区域ごと・日ごとの数、エンジンで計算</translation>
    </message>
    <message>
        <source>Archive &amp;details…</source>
        <translation>アーカイブの詳細(&amp;D)…</translation>
    </message>
    <message>
        <source>Close a&amp;rchive</source>
        <translation>アーカイブを閉じる(&amp;R)</translation>
    </message>
    <message>
        <source>Open an archive: a folder of Parquet files</source>
        <translation>アーカイブを開く：Parquet ファイルのフォルダー</translation>
    </message>
    <message>
        <source>The briefing&apos;s archive is not there: {folder} (kept relative to the briefing&apos;s folder). Open it with File &gt; Open archive…</source>
        <translation>ブリーフィングのアーカイブが見つかりません: {folder}（ブリーフィングのフォルダーからの相対位置で保存されています）。ファイル &gt; アーカイブを開く… で開いてください</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>{name} を開いています…</translation>
    </message>
    <message>
        <source>The password was refused.</source>
        <translation>パスワードが拒否されました。</translation>
    </message>
    <message>
        <source>Activity per hour…</source>
        <translation>1時間ごとの活動量…</translation>
    </message>
    <message>
        <source>Loading {window}…</source>
        <translation>{window} を読み込み中…</translation>
    </message>
    <message>
        <source>{fixes} fixes loaded for {window}</source>
        <translation>{window} の位置 {fixes} 件を読み込みました</translation>
    </message>
    <message>
        <source>{hour}: {fixes} fixes, {tracks} tracks</source>
        <translation>{hour}：位置 {fixes} 件、航跡 {tracks} 本</translation>
    </message>
    <message>
        <source>Drag to choose a window; wheel to zoom</source>
        <translation>ドラッグで時間窓を選択、ホイールでズーム</translation>
    </message>
    <message>
        <source>Counting zone entries… %p%</source>
        <translation>区域進入を集計中… %p%</translation>
    </message>
    <message>
        <source>Counted in {seconds} s; counting the other zones…</source>
        <translation>{seconds} 秒で集計しました。ほかの区域を集計中…</translation>
    </message>
    <message>
        <source>Counted the whole archive in {seconds} s</source>
        <translation>アーカイブ全体を {seconds} 秒で集計しました</translation>
    </message>
    <message>
        <source>Density…</source>
        <translation>密度…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>アーカイブ</translation>
    </message>
    <message>
        <source>The activity per hour was cancelled</source>
        <translation>1時間ごとの活動量を取り消しました</translation>
    </message>
    <message>
        <source>Loading the window was cancelled</source>
        <translation>時間窓の読み込みを取り消しました</translation>
    </message>
    <message>
        <source>Counting was cancelled</source>
        <translation>集計を取り消しました</translation>
    </message>
    <message>
        <source>Opening the archive was cancelled</source>
        <translation>アーカイブを開くのを取り消しました</translation>
    </message>
    <message>
        <source>Archive details</source>
        <translation>アーカイブの詳細</translation>
    </message>
    <message>
        <source>Type a database URL, e.g. postgresql://me@db.example.org/tracks?table=fixes</source>
        <translation>データベースの URL を入力してください。例：postgresql://me@db.example.org/tracks?table=fixes</translation>
    </message>
    <message>
        <source>{scheme}:// is not a database here; use one of {schemes}</source>
        <translation>{scheme}:// はここではデータベースではありません。{schemes} のいずれかを使ってください</translation>
    </message>
    <message>
        <source>Not a URL: {error}</source>
        <translation>URL ではありません：{error}</translation>
    </message>
    <message>
        <source>Leave the password out of the URL: it is asked, or taken from the system keyring, and never saved in a briefing</source>
        <translation>パスワードは URL に含めないでください：別途尋ねるか、システムのキーリングから取得し、ブリーフィングには保存しません</translation>
    </message>
    <message>
        <source>Give your OpenSky user name: opensky://USER@host</source>
        <translation>OpenSky のユーザー名を指定してください：opensky://USER@host</translation>
    </message>
    <message>
        <source>Connect to a database</source>
        <translation>データベースに接続</translation>
    </message>
    <message>
        <source>PostgreSQL (PostGIS or lon/lat columns): postgresql://USER@HOST:PORT/DATABASE?table=SCHEMA.TABLE
OpenSky&apos;s historical database (your own account): opensky://USER@trino.opensky-network.org
The password is asked (or taken from the system keyring); it is never saved in a briefing.</source>
        <translation>PostgreSQL（PostGIS または経度・緯度の列）：postgresql://USER@HOST:PORT/DATABASE?table=SCHEMA.TABLE
OpenSky の履歴データベース（ご自身のアカウント）：opensky://USER@trino.opensky-network.org
パスワードは別途尋ねるか、システムのキーリングから取得します。ブリーフィングには保存しません。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>接続先 URL</translation>
    </message>
    <message>
        <source>OpenSky: the hours to look at (every question names them)</source>
        <translation>OpenSky：調べる時間帯（問い合わせごとに指定が必要）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>The span ends before it starts</source>
        <translation>期間の終わりが始まりより前です</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>データベースのパスワード</translation>
    </message>
    <message>
        <source>Keep it in the system keyring</source>
        <translation>システムのキーリングに保存する</translation>
    </message>
    <message>
        <source>Not kept: {why}; it is asked each time.</source>
        <translation>保存されません：{why}。毎回尋ねます。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop the archive&apos;s query</source>
        <translation>アーカイブへの問い合わせを止める</translation>
    </message>
    <message>
        <source>{name} ({engine})</source>
        <translation>{name}（{engine}）</translation>
    </message>
    <message>
        <source>{window}: asking…</source>
        <translation>{window}：問い合わせ中…</translation>
    </message>
    <message>
        <source>{window}: {fixes} fixes loaded</source>
        <translation>{window}：位置 {fixes} 件を読み込み済み</translation>
    </message>
    <message>
        <source>{window}: {fixes} fixes, over the budget: density shown</source>
        <translation>{window}：位置 {fixes} 件、再生の上限超過：密度を表示</translation>
    </message>
    <message>
        <source>{window}: not loaded</source>
        <translation>{window}：未読み込み</translation>
    </message>
    <message>
        <source>{source}: the question failed ({error})</source>
        <translation>{source}：問い合わせに失敗しました（{error}）</translation>
    </message>
</context>
<context>
    <name>Authoring</name>
    <message>
        <source>Picture underlay</source>
        <translation>下敷き画像</translation>
    </message>
    <message>
        <source>Traced tracks</source>
        <translation>なぞった航跡</translation>
    </message>
    <message>
        <source>traced tracks</source>
        <translation>なぞった航跡</translation>
    </message>
    <message>
        <source>Picture &amp;underlay…</source>
        <translation>下敷き画像(&amp;U)…</translation>
    </message>
    <message>
        <source>Add a map picture and place it with control points, to trace over it</source>
        <translation>地図の画像を追加し、基準点で位置を合わせてその上をなぞります</translation>
    </message>
    <message>
        <source>&amp;Trace a track</source>
        <translation>航跡をなぞる(&amp;T)</translation>
    </message>
    <message>
        <source>Click vertices on the map; Enter or a double-click ends the track; Esc stops</source>
        <translation>地図上で頂点をクリック。Enter かダブルクリックで航跡を終了、Esc で中止</translation>
    </message>
    <message>
        <source>Place a &amp;control point</source>
        <translation>基準点を置く(&amp;C)</translation>
    </message>
    <message>
        <source>A spot on the underlay&apos;s picture, then the same spot on the map (or typed)</source>
        <translation>下敷き画像上の一点、次に地図上の同じ点（または座標を入力）</translation>
    </message>
    <message>
        <source>&amp;Reported daily counts…</source>
        <translation>公表された日別機数(&amp;R)…</translation>
    </message>
    <message>
        <source>Save traced tracks &amp;as…</source>
        <translation>なぞった航跡を名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Open a track file for &amp;editing…</source>
        <translation>航跡ファイルを開いて編集(&amp;E)…</translation>
    </message>
    <message>
        <source>Not replayed (check the timing): {problems}</source>
        <translation>再生されません（時刻の設定を確認してください）：{problems}</translation>
    </message>
    <message>
        <source>traced on the map</source>
        <translation>地図上でなぞったもの</translation>
    </message>
    <message>
        <source>Add a picture to trace over</source>
        <translation>なぞる画像を追加</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp)</source>
        <translation>画像 (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>add picture</source>
        <translation>画像の追加</translation>
    </message>
    <message>
        <source>Now place 3 or more control points: Add point, a spot on the picture, the same spot on the map</source>
        <translation>次に基準点を 3 つ以上置きます：「点を追加」、画像上の地点、地図上の同じ地点の順にクリック</translation>
    </message>
    <message>
        <source>World file</source>
        <translation>ワールドファイル</translation>
    </message>
    <message>
        <source>Place at least 3 control points first</source>
        <translation>先に基準点を 3 つ以上置いてください</translation>
    </message>
    <message>
        <source>World file not written</source>
        <translation>ワールドファイルは書き出されていません</translation>
    </message>
    <message>
        <source>Wrote {files}</source>
        <translation>{files} を書き出しました</translation>
    </message>
    <message>
        <source>Click the path&apos;s vertices on the map; Enter or a double-click ends it; Esc stops</source>
        <translation>地図上で経路の頂点をクリック。Enter かダブルクリックで終了、Esc で中止</translation>
    </message>
    <message>
        <source>Track {n}</source>
        <translation>航跡 {n}</translation>
    </message>
    <message>
        <source>Track discarded</source>
        <translation>航跡を破棄しました</translation>
    </message>
    <message>
        <source>trace track</source>
        <translation>航跡をなぞる</translation>
    </message>
    <message>
        <source>Added {id}; trace the next one, or press Esc to stop (Edit &gt; Undo removes it)</source>
        <translation>{id} を追加しました。続けて次をなぞるか、Esc で中止します（「編集 &gt; 元に戻す」で削除できます）</translation>
    </message>
    <message>
        <source>edit vertices</source>
        <translation>頂点の編集</translation>
    </message>
    <message>
        <source>track properties</source>
        <translation>航跡のプロパティ</translation>
    </message>
    <message>
        <source>Editing {id}: drag a vertex · Ctrl+click or double-click a leg inserts one · right-click deletes · Esc ends</source>
        <translation>{id} を編集中：頂点をドラッグ · 区間を Ctrl+クリックかダブルクリックで頂点を挿入 · 右クリックで削除 · Esc で終了</translation>
    </message>
    <message>
        <source>duplicate track</source>
        <translation>航跡の複製</translation>
    </message>
    <message>
        <source>delete track</source>
        <translation>航跡の削除</translation>
    </message>
    <message>
        <source>Deleted {id} (Edit &gt; Undo restores it)</source>
        <translation>{id} を削除しました（「編集 &gt; 元に戻す」で戻せます）</translation>
    </message>
    <message>
        <source>Save traced tracks</source>
        <translation>なぞった航跡を保存</translation>
    </message>
    <message>
        <source>There are no traced tracks to save</source>
        <translation>保存する航跡がありません</translation>
    </message>
    <message>
        <source>CSV (*.csv);;GeoJSON (*.geojson)</source>
        <translation>CSV ファイル (*.csv);;GeoJSON ファイル (*.geojson)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} を保存しました</translation>
    </message>
    <message>
        <source>Open a track file for editing</source>
        <translation>航跡ファイルを開いて編集</translation>
    </message>
    <message>
        <source>Track files (*.csv *.geojson *.json *.gpx *.kml *.kmz);;All files (*)</source>
        <translation>航跡ファイル (*.csv *.geojson *.json *.gpx *.kml *.kmz);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Open for editing</source>
        <translation>開いて編集</translation>
    </message>
    <message>
        <source>open for editing</source>
        <translation>開いて編集</translation>
    </message>
    <message>
        <source>{n} tracks from {name} to edit</source>
        <translation>{name} から {n} 本の航跡を編集用に読み込みました</translation>
    </message>
    <message>
        <source>reported counts</source>
        <translation>公表された機数</translation>
    </message>
    <message>
        <source>remove picture</source>
        <translation>画像の削除</translation>
    </message>
    <message>
        <source>place control point</source>
        <translation>基準点の配置</translation>
    </message>
    <message>
        <source>delete control point</source>
        <translation>基準点の削除</translation>
    </message>
    <message>
        <source>edit control point</source>
        <translation>基準点の編集</translation>
    </message>
    <message>
        <source>picture projection</source>
        <translation>画像の投影法</translation>
    </message>
    <message>
        <source>picture opacity</source>
        <translation>画像の不透明度</translation>
    </message>
    <message>
        <source>{folder} already has {names}. Replace?</source>
        <translation>{folder} には既に {names} があります。置き換えますか？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>置き換える</translation>
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
        <source>Only the briefing&apos;s first archive is opened</source>
        <translation>ブリーフィングの最初のアーカイブだけを開きます</translation>
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
        <source>&amp;Undo {action}</source>
        <translation>{action} を元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>{action} をやり直す(&amp;R)</translation>
    </message>
    <message>
        <source>add text</source>
        <translation>テキストの追加</translation>
    </message>
    <message>
        <source>add arrow</source>
        <translation>矢印の追加</translation>
    </message>
    <message>
        <source>add circle</source>
        <translation>円の追加</translation>
    </message>
    <message>
        <source>add polygon</source>
        <translation>多角形の追加</translation>
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
        <source>delete annotation</source>
        <translation>注記の削除</translation>
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
        <source>add scene</source>
        <translation>シーンの追加</translation>
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
        <source>rename scene</source>
        <translation>シーン名の変更</translation>
    </message>
    <message>
        <source>scene timing</source>
        <translation>シーンの時刻</translation>
    </message>
    <message>
        <source>annotation timing</source>
        <translation>注記の時刻</translation>
    </message>
    <message>
        <source>delete scene</source>
        <translation>シーンの削除</translation>
    </message>
    <message>
        <source>move scene</source>
        <translation>シーンの移動</translation>
    </message>
    <message>
        <source>Scene {n}/{total}: {title}</source>
        <translation>シーン {n}/{total}：{title}</translation>
    </message>
</context>
<context>
    <name>BriefingName</name>
    <message>
        <source>Save briefing</source>
        <translation>ブリーフィングを保存</translation>
    </message>
    <message>
        <source>Briefings are saved with names ending in .briefing.json, so that ADIZ Viewer and the desktop know them from track files.

Save as {name}?</source>
        <translation>ブリーフィングは名前の末尾を .briefing.json として保存します。ADIZ Viewer とデスクトップが航跡ファイルと区別できるようにするためです。

{name} として保存しますか？</translation>
    </message>
    <message>
        <source>Save as {name}</source>
        <translation>{name} として保存</translation>
    </message>
</context>
<context>
    <name>CountMappingDialog</name>
    <message>
        <source>(not used)</source>
        <translation>（使用しない）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Kind or aircraft type (one row per kind)</source>
        <translation>種別または機種（種別ごとに 1 行）</translation>
    </message>
    <message>
        <source>Count (one row per kind)</source>
        <translation>機数（種別ごとに 1 行）</translation>
    </message>
    <message>
        <source>Total aircraft</source>
        <translation>航空機の合計</translation>
    </message>
    <message>
        <source>Count of: {kind}</source>
        <translation>機数：{kind}</translation>
    </message>
    <message>
        <source>Median-line crossings</source>
        <translation>中間線越え</translation>
    </message>
    <message>
        <source>Balloons</source>
        <translation>気球</translation>
    </message>
    <message>
        <source>Map the columns of the counts</source>
        <translation>機数表の列を対応付ける</translation>
    </message>
    <message>
        <source>year-month-day (2021-10-04)</source>
        <translation>年-月-日（2021-10-04）</translation>
    </message>
    <message>
        <source>month/day/year (10/4/2021)</source>
        <translation>月/日/年（10/4/2021）</translation>
    </message>
    <message>
        <source>day/month/year (4/10/2021)</source>
        <translation>日/月/年（4/10/2021）</translation>
    </message>
    <message>
        <source>Say what each column holds: a date, and either a kind column with a count column (one row per day and kind) or one column per kind.</source>
        <translation>各列の内容を指定してください：日付と、「種別の列と機数の列」（1 日・1 種別につき 1 行）または「種別ごとに 1 列」のどちらか。</translation>
    </message>
    <message>
        <source>Dates written as</source>
        <translation>日付の書き方</translation>
    </message>
    <message>
        <source>Choose exactly one {role} column.</source>
        <translation>「{role}」の列はちょうど 1 つ選んでください。</translation>
    </message>
    <message>
        <source>Choose a kind column and a count column, or at least one column of counts of a kind.</source>
        <translation>種別の列と機数の列を選ぶか、種別ごとの機数の列を 1 つ以上選んでください。</translation>
    </message>
</context>
<context>
    <name>CountsChart</name>
    <message>
        <source>aircraft</source>
        <translation>航空機</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>公表</translation>
    </message>
    <message>
        <source>apart</source>
        <translation>別計上</translation>
    </message>
    <message>
        <source>No entries into this zone in the chosen tracks</source>
        <translation>選んだ航跡にはこの区域への進入がありません</translation>
    </message>
    <message>
        <source>{kind} (counted apart)</source>
        <translation>{kind}（別計上）</translation>
    </message>
    <message>
        <source>hatched: reported</source>
        <translation>斜線：公表値</translation>
    </message>
    <message>
        <source>definition changes</source>
        <translation>定義の変更</translation>
    </message>
    <message>
        <source>MND day ({start:02d}:00–{start:02d}:00 {tz})</source>
        <translation>国防部の日（{tz} {start:02d}:00–{start:02d}:00）</translation>
    </message>
    <message>
        <source>hour ({tz})</source>
        <translation>時間（{tz}）</translation>
    </message>
    <message>
        <source>calendar day ({tz})</source>
        <translation>暦日（{tz}）</translation>
    </message>
    <message>
        <source>Aircraft entering {zone} per {day}, from {source}; ships and unknown kinds counted apart.</source>
        <translation>{zone} に進入した航空機（{day}ごと、{source}から）。艦船と種別不明は別に数えます。</translation>
    </message>
    <message>
        <source>{day}: {n} aircraft</source>
        <translation>{day}：航空機 {n} 機</translation>
    </message>
    <message>
        <source> (+{m} ships or unknown, apart)</source>
        <translation>（ほかに艦船・種別不明 {m}、別計上）</translation>
    </message>
    <message>
        <source>The day the counts are per: MND reports run 06:00 to 06:00 Taipei time</source>
        <translation>集計の単位となる日：台湾国防部の報告は台北時間 06:00 から 06:00 まで</translation>
    </message>
    <message>
        <source>Which tracks are counted (and set against the reported figures)</source>
        <translation>数える航跡（公表値と比べる航跡）</translation>
    </message>
    <message>
        <source>Loaded tracks: aircraft entering a zone</source>
        <translation>読み込んだ航跡：区域に進入した航空機</translation>
    </message>
    <message>
        <source>Per</source>
        <translation>単位</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>航跡</translation>
    </message>
    <message>
        <source>all loaded tracks</source>
        <translation>読み込んだすべての航跡</translation>
    </message>
    <message>
        <source>traced tracks</source>
        <translation>トレースした航跡</translation>
    </message>
    <message>
        <source>whole archive {name} (counted in the engine)</source>
        <translation>アーカイブ全体 {name}（エンジンで集計）</translation>
    </message>
    <message>
        <source>The reported figures are per day: count per day to see them.</source>
        <translation>公表値は日ごとです。日ごとに数えると表示されます。</translation>
    </message>
    <message>
        <source>Hatched: reported for that day ({source}).</source>
        <translation>斜線：その日の公表値（{source}）。</translation>
    </message>
    <message>
        <source>no source given</source>
        <translation>出典なし</translation>
    </message>
    <message>
        <source>Counting per {day} in the whole archive {name}…</source>
        <translation>アーカイブ全体 {name} を{day}ごとに集計中…</translation>
    </message>
    <message>
        <source>Not counted per {day} yet: choose it again.</source>
        <translation>まだ{day}ごとに集計していません：もう一度選んでください。</translation>
    </message>
    <message>
        <source>Counting {zone} in the whole archive {name}…</source>
        <translation>アーカイブ全体 {name} で {zone} を集計中…</translation>
    </message>
    <message>
        <source>{zone} is not counted in the whole archive {name}: the count was stopped.</source>
        <translation>アーカイブ全体 {name} の {zone} は集計されていません。集計は中止されました。</translation>
    </message>
    <message>
        <source>Published: {title}</source>
        <translation>公表値：{title}</translation>
    </message>
    <message>
        <source>Zone whose entries are counted: each aircraft once per day (or hour) it enters, also between two fixes and across gaps in the data; one already inside at its first fix, or when the zone came into force, counts as entering then</source>
        <translation>進入を数える区域：各機は進入した日（または時間）ごとに1回数えます。2つの位置の間やデータの欠落をまたぐ進入も含みます。最初の位置で、または区域の発効時にすでに区域内にいた機は、その時点で進入したものとして数えます</translation>
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
    <name>Density</name>
    <message>
        <source>{window}: {fixes} fixes (the replay budget is {budget})</source>
        <translation>{window}：位置 {fixes} 件（再生の上限は {budget}）</translation>
    </message>
    <message>
        <source>at least {n}</source>
        <translation>少なくとも {n}</translation>
    </message>
    <message>
        <source>Fixes per cell (density: too many to replay)</source>
        <translation>セルごとの位置数（密度：多すぎて再生できません）</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <source>Distance in &amp;nautical miles (nmi)</source>
        <translation>距離を海里で表示 (nmi)(&amp;N)</translation>
    </message>
    <message>
        <source>Distance in &amp;kilometres (km)</source>
        <translation>距離をキロメートルで表示 (km)(&amp;K)</translation>
    </message>
    <message>
        <source>Altitude in &amp;feet (ft)</source>
        <translation>高度をフィートで表示 (ft)(&amp;F)</translation>
    </message>
    <message>
        <source>Altitude in &amp;metres (m)</source>
        <translation>高度をメートルで表示 (m)(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;High-contrast theme</source>
        <translation>ハイコントラスト表示(&amp;H)</translation>
    </message>
    <message>
        <source>White map, black coastlines, thicker lines and larger bold labels for a projector in a bright room (Ctrl+Shift+H, also while presenting)</source>
        <translation>白地の地図、黒い海岸線、太い線と大きな太字ラベル。明るい部屋のプロジェクター向け（Ctrl+Shift+H、プレゼン中も可）</translation>
    </message>
    <message>
        <source>&amp;Units</source>
        <translation>単位(&amp;U)</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Untitled briefing</source>
        <translation>無題のブリーフィング</translation>
    </message>
    <message>
        <source>New briefing: {title}</source>
        <translation>新しいブリーフィング：{title}</translation>
    </message>
    <message>
        <source>New briefing</source>
        <translation>新しいブリーフィング</translation>
    </message>
    <message>
        <source>Title of the briefing:</source>
        <translation>ブリーフィングの題名：</translation>
    </message>
    <message>
        <source>Open track files</source>
        <translation>航跡ファイルを開く</translation>
    </message>
    <message>
        <source>Add {files} to the open briefing “{title}”, or start a new briefing?</source>
        <translation>{files} を開いているブリーフィング「{title}」に追加しますか、それとも新しいブリーフィングを始めますか？</translation>
    </message>
    <message>
        <source>Add to this briefing</source>
        <translation>このブリーフィングに追加</translation>
    </message>
    <message>
        <source>Remember my choice</source>
        <translation>この選択を記憶する</translation>
    </message>
    <message>
        <source>remove {file}</source>
        <translation>{file} の取り除き</translation>
    </message>
    <message>
        <source>Removed {file} (Edit &gt; Undo brings it back)</source>
        <translation>{file} を取り除きました（編集 &gt; 元に戻す で戻せます）</translation>
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
        <source>Notes</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>inside at its first fix</source>
        <translation>最初の位置で区域内</translation>
    </message>
    <message>
        <source>The track starts inside the zone: counted as entering at its first fix.</source>
        <translation>航跡は区域内から始まります：最初の位置で進入したものとして数えます。</translation>
    </message>
    <message>
        <source>inside when the zone came into force</source>
        <translation>区域の発効時に区域内</translation>
    </message>
    <message>
        <source>The track was already inside when the zone came into force: not a crossing.</source>
        <translation>区域が発効した時点で航跡はすでに区域内にいました：境界の横断ではありません。</translation>
    </message>
    <message>
        <source>inferred across a gap</source>
        <translation>データの欠落をまたいで推定</translation>
    </message>
    <message>
        <source>No fixes here for longer than the track&apos;s gap threshold (drawn dashed): the crossing is inferred from the straight line across the gap.</source>
        <translation>ここでは航跡の欠落判定の間隔より長く位置がありません（破線で表示）：境界の横断は欠落をまたぐ直線から推定したものです。</translation>
    </message>
    <message>
        <source>live</source>
        <translation>ライブ</translation>
    </message>
    <message>
        <source>Raised by a live feed as its messages arrived (and recorded).</source>
        <translation>ライブフィードのメッセージ到着時に発生（記録済み）。</translation>
    </message>
    <message>
        <source>near the line: depends on how it is drawn</source>
        <translation>線の近く：線の描き方によります</translation>
    </message>
    <message>
        <source>The track stays within 5 km of the line here. Only the line&apos;s two ends are published; the map draws it straight in longitude/latitude, and a rhumb line or a geodesic between the same ends lies up to a few kilometres away and could remove this crossing.</source>
        <translation>ここでは航跡が線から5 km以内にとどまっています。この線は両端だけが公表されており、地図では経緯度で直線として描いています。同じ両端を結ぶ航程線や測地線は数キロメートル離れることがあり、この横断がなくなる可能性があります。</translation>
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
    <name>FeedDialog</name>
    <message>
        <source>ADS-B: SBS-1 / BaseStation text over TCP (dump1090, readsb)</source>
        <translation>ADS-B：SBS-1 / BaseStation テキスト、TCP 経由（dump1090、readsb）</translation>
    </message>
    <message>
        <source>ADS-B: Mode-S Beast binary over TCP (dump1090, readsb)</source>
        <translation>ADS-B：Mode-S Beast バイナリ、TCP 経由（dump1090、readsb）</translation>
    </message>
    <message>
        <source>AIS: NMEA sentences sent to this computer over UDP</source>
        <translation>AIS：UDP でこのコンピューターに送られる NMEA センテンス</translation>
    </message>
    <message>
        <source>AIS: NMEA sentences over TCP (AIS-catcher, gpsd)</source>
        <translation>AIS：TCP 経由の NMEA センテンス（AIS-catcher、gpsd）</translation>
    </message>
    <message>
        <source>TAK: Cursor-on-Target over UDP multicast</source>
        <translation>TAK：UDP マルチキャストの Cursor-on-Target</translation>
    </message>
    <message>
        <source>TAK: Cursor-on-Target over TCP (a TAK server)</source>
        <translation>TAK：TCP 経由の Cursor-on-Target（TAK サーバー）</translation>
    </message>
    <message>
        <source>Aircraft states as JSON, polled (OpenSky&apos;s states/all)</source>
        <translation>定期取得する JSON の航空機状態（OpenSky の states/all）</translation>
    </message>
    <message>
        <source>this computer only (127.0.0.1)</source>
        <translation>このコンピューターのみ（127.0.0.1）</translation>
    </message>
    <message>
        <source>every network interface (0.0.0.0)</source>
        <translation>すべてのネットワークインターフェース（0.0.0.0）</translation>
    </message>
    <message>
        <source>Connect to a live feed</source>
        <translation>ライブフィードに接続</translation>
    </message>
    <message>
        <source>Where a listening feed accepts data from. Other computers can send to it only when you choose an interface other than this computer.</source>
        <translation>待ち受けるフィードがどこからデータを受け取るか。このコンピューター以外のインターフェースを選んだときだけ、他のコンピューターから送信できます。</translation>
    </message>
    <message>
        <source>work it out from the first messages</source>
        <translation>最初のメッセージから推定</translation>
    </message>
    <message>
        <source>SBS-1 times are the receiver&apos;s local clock: its time zone</source>
        <translation>SBS-1 の時刻は受信機のローカル時計：そのタイムゾーン</translation>
    </message>
    <message>
        <source>latitude, longitude (optional)</source>
        <translation>緯度, 経度（任意）</translation>
    </message>
    <message>
        <source>The receiver&apos;s position, to decode a position from a single Beast message (by default the middle of Taiwan)</source>
        <translation>受信機の位置。単一の Beast メッセージから位置を復号するため（既定は台湾中部）</translation>
    </message>
    <message>
        <source>Keep the password in the system keyring</source>
        <translation>パスワードをシステムのキーリングに保存</translation>
    </message>
    <message>
        <source>No keyring: the password is asked each time ({why})</source>
        <translation>キーリングがありません：毎回パスワードを尋ねます（{why}）</translation>
    </message>
    <message>
        <source>The feed&apos;s address: the form writes it</source>
        <translation>フィードのアドレス：フォームが書き込みます</translation>
    </message>
    <message>
        <source>Record every message</source>
        <translation>すべてのメッセージを記録</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>変更…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>待ち受け</translation>
    </message>
    <message>
        <source>Receiver clock</source>
        <translation>受信機の時計</translation>
    </message>
    <message>
        <source>Receiver position</source>
        <translation>受信機の位置</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Or a token</source>
        <translation>またはトークン</translation>
    </message>
    <message>
        <source>Ask every</source>
        <translation>取得間隔</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>Feed URL</source>
        <translation>フィードの URL</translation>
    </message>
    <message>
        <source>Connected before</source>
        <translation>以前に接続したもの</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <source>Multicast group</source>
        <translation>マルチキャストグループ</translation>
    </message>
    <message>
        <source>Record the feeds in</source>
        <translation>フィードの記録先</translation>
    </message>
</context>
<context>
    <name>GeorefPanel</name>
    <message>
        <source>Use</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Picture x</source>
        <translation>画像 x</translation>
    </message>
    <message>
        <source>Picture y</source>
        <translation>画像 y</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>経度</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>緯度</translation>
    </message>
    <message>
        <source>Residual px</source>
        <translation>残差 px</translation>
    </message>
    <message>
        <source>Residual km</source>
        <translation>残差 km</translation>
    </message>
    <message>
        <source>expected two numbers: longitude, latitude (e.g. 121.5, 25.04)</source>
        <translation>2 つの数値が必要です：経度、緯度（例：121.5, 25.04）</translation>
    </message>
    <message>
        <source>longitude must be within ±180 and latitude within ±90</source>
        <translation>経度は ±180、緯度は ±90 の範囲で指定してください</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>画像なし</translation>
    </message>
    <message>
        <source>Add picture…</source>
        <translation>画像を追加…</translation>
    </message>
    <message>
        <source>A PNG or JPEG map to trace over (a ministry&apos;s daily map, a sketch)</source>
        <translation>なぞる PNG または JPEG の地図（省庁の日報地図、スケッチなど）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Add point</source>
        <translation>点を追加</translation>
    </message>
    <message>
        <source>Click a spot on the picture, then the same spot on the map (P)</source>
        <translation>画像上の地点をクリックし、次に地図上の同じ地点をクリック（P）</translation>
    </message>
    <message>
        <source>Type coordinates…</source>
        <translation>座標を入力…</translation>
    </message>
    <message>
        <source>Give the spot picked on the picture by its coordinates</source>
        <translation>画像上で選んだ地点を座標で指定します</translation>
    </message>
    <message>
        <source>Delete point</source>
        <translation>点を削除</translation>
    </message>
    <message>
        <source>Picture in lon/lat (plate carrée)</source>
        <translation>画像は経緯度（正距円筒図法）</translation>
    </message>
    <message>
        <source>Picture in Web Mercator (web maps)</source>
        <translation>画像は Web メルカトル（Web 地図）</translation>
    </message>
    <message>
        <source>The projection the picture was drawn in; the smaller RMS error tells which</source>
        <translation>画像が描かれた投影法。RMS 誤差が小さい方が正しい投影法です</translation>
    </message>
    <message>
        <source>Distance between where you put the point and where the fit puts it, corrected for leverage: a single wrong point always has the largest value</source>
        <translation>置いた位置と当てはめ結果の位置との距離（てこ比で補正）：誤った点が 1 つなら、その値が必ず最大になります</translation>
    </message>
    <message>
        <source>Opacity of the picture on the map</source>
        <translation>地図上の画像の不透明度</translation>
    </message>
    <message>
        <source>Show on map</source>
        <translation>地図に表示</translation>
    </message>
    <message>
        <source>Export world file…</source>
        <translation>ワールドファイルを書き出す…</translation>
    </message>
    <message>
        <source>Write a world file and a .aux.xml beside the picture, so QGIS and GDAL place it</source>
        <translation>画像の横にワールドファイルと .aux.xml を書き出し、QGIS や GDAL でも位置が合うようにします</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Add a picture first</source>
        <translation>先に画像を追加してください</translation>
    </message>
    <message>
        <source>Click a spot on the picture that you can also find on the map</source>
        <translation>地図上でも見つけられる地点を画像上でクリックしてください</translation>
    </message>
    <message>
        <source>Now click the same spot on the map, or press Type coordinates… (Esc cancels)</source>
        <translation>次に地図上の同じ地点をクリックするか、「座標を入力…」を押してください（Esc で取消）</translation>
    </message>
    <message>
        <source>First click the spot on the picture</source>
        <translation>先に画像上の地点をクリックしてください</translation>
    </message>
    <message>
        <source>Control point</source>
        <translation>基準点</translation>
    </message>
    <message>
        <source>Longitude, latitude of the spot (e.g. 121.5, 25.04 or 25°02′N 121°30′E):</source>
        <translation>その地点の経度、緯度（例：121.5, 25.04 または 25°02′N 121°30′E）：</translation>
    </message>
    <message>
        <source>Point {n} placed</source>
        <translation>点 {n} を配置しました</translation>
    </message>
    <message>
        <source>: place {k} more</source>
        <translation>：あと {k} 点</translation>
    </message>
    <message>
        <source>Point {n}: {error}</source>
        <translation>点 {n}：{error}</translation>
    </message>
    <message>
        <source>Add a picture, then place control points on it</source>
        <translation>画像を追加し、基準点を置いてください</translation>
    </message>
    <message>
        <source>{n} points · RMS error {px:.1f} px, {km:.2f} km</source>
        <translation>{n} 点 · RMS 誤差 {px:.1f} px、{km:.2f} km</translation>
    </message>
    <message>
        <source>largest residual: point {n}</source>
        <translation>残差が最大：点 {n}</translation>
    </message>
    <message>
        <source>a 4th point shows how well they agree</source>
        <translation>4 点目を置くと一致の度合いがわかります</translation>
    </message>
    <message>
        <source>all points agree within a pixel</source>
        <translation>すべての点が 1 ピクセル以内で一致</translation>
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
        <source>Track</source>
        <translation>航跡</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>時刻 (UTC)</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>緯度</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>経度</translation>
    </message>
    <message>
        <source>Altitude (m)</source>
        <translation>高度 (m)</translation>
    </message>
    <message>
        <source>Speed (kt)</source>
        <translation>速度（ノット）</translation>
    </message>
    <message>
        <source>Heading (°)</source>
        <translation>針路 (°)</translation>
    </message>
    <message>
        <source>metres</source>
        <translation>メートル</translation>
    </message>
    <message>
        <source>feet</source>
        <translation>フィート</translation>
    </message>
    <message>
        <source>knots</source>
        <translation>ノット</translation>
    </message>
    <message>
        <source>km/h</source>
        <translation>km/時</translation>
    </message>
    <message>
        <source>m/s</source>
        <translation>m/秒</translation>
    </message>
    <message>
        <source>no values to judge by: check the unit</source>
        <translation>判断できる値がありません：単位を確認してください</translation>
    </message>
    <message>
        <source>values up to {value}: probably {unit}</source>
        <translation>値は最大 {value}：おそらく{unit}</translation>
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
    <message>
        <source>Split each aircraft into flights</source>
        <translation>機体ごとにフライトへ分割</translation>
    </message>
    <message>
        <source>A new track where the callsign changes or no fix comes for longer than the gap</source>
        <translation>コールサインが変わるか、間隔より長く測位がない所で新しい航跡にする</translation>
    </message>
    <message>
        <source> min gap</source>
        <translation> 分の間隔</translation>
    </message>
    <message>
        <source>Recognised as: {schema}</source>
        <translation>認識した形式: {schema}</translation>
    </message>
    <message>
        <source>Columns matched by their names</source>
        <translation>列名から列を対応付けました</translation>
    </message>
    <message>
        <source>Cannot show the rows: {reason}</source>
        <translation>行を表示できません: {reason}</translation>
    </message>
    <message>
        <source>Unit not given in the file (column &apos;{column}&apos;): {reason}. Check it.</source>
        <translation>ファイルに単位の記載がありません（列「{column}」）：{reason}。確認してください。</translation>
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
        <source>Senkaku / Diaoyu / Diaoyutai Islands</source>
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
    <name>Live</name>
    <message>
        <source>east</source>
        <translation>東側</translation>
    </message>
    <message>
        <source>west</source>
        <translation>西側</translation>
    </message>
    <message>
        <source>north</source>
        <translation>北側</translation>
    </message>
    <message>
        <source>south</source>
        <translation>南側</translation>
    </message>
    <message>
        <source>{track} ({kind})</source>
        <translation>{track}（{kind}）</translation>
    </message>
    <message>
        <source>{who} entered {zone} at {time} UTC</source>
        <translation>{who} が {time} UTC に{zone}へ進入</translation>
    </message>
    <message>
        <source>{who} left {zone} at {time} UTC</source>
        <translation>{who} が {time} UTC に{zone}から退出</translation>
    </message>
    <message>
        <source>{who} crossed {zone} to the {side} at {time} UTC</source>
        <translation>{who} が {time} UTC に{zone}を越えて{side}へ</translation>
    </message>
    <message>
        <source>{who} crossed {zone} at {time} UTC</source>
        <translation>{who} が {time} UTC に{zone}を越えた</translation>
    </message>
    <message>
        <source>−{n} s</source>
        <translation>−{n} 秒</translation>
    </message>
    <message>
        <source>−{n} min</source>
        <translation>−{n} 分</translation>
    </message>
    <message>
        <source>−{h} h {m} min</source>
        <translation>−{h} 時間 {m} 分</translation>
    </message>
    <message>
        <source>● LIVE</source>
        <translation>● ライブ</translation>
    </message>
    <message>
        <source>Connect to &amp;feed…</source>
        <translation>ライブフィードに接続(&amp;F)…</translation>
    </message>
    <message>
        <source>Show an ADS-B receiver, an AIS receiver, a TAK network or a JSON endpoint live on the map, recorded as it arrives</source>
        <translation>ADS-B 受信機、AIS 受信機、TAK ネットワーク、JSON エンドポイントを地図にライブ表示し、到着したデータを記録</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>切断(&amp;D)</translation>
    </message>
    <message>
        <source>Live &amp;alerts…</source>
        <translation>ライブ警報(&amp;A)…</translation>
    </message>
    <message>
        <source>Which zone events of the live feeds show a notice</source>
        <translation>ライブフィードのどのゾーンイベントを通知するか</translation>
    </message>
    <message>
        <source>Open a &amp;recording…</source>
        <translation>記録を開く(&amp;R)…</translation>
    </message>
    <message>
        <source>Replay a recorded feed as a track file</source>
        <translation>記録したフィードを航跡ファイルとして再生</translation>
    </message>
    <message>
        <source>Show the recordings &amp;folder</source>
        <translation>記録フォルダーを表示(&amp;F)</translation>
    </message>
    <message>
        <source>Open the folder the live feeds are recorded in</source>
        <translation>ライブフィードの記録先フォルダーを開く</translation>
    </message>
    <message>
        <source>All feeds</source>
        <translation>すべてのフィード</translation>
    </message>
    <message>
        <source>Live feed</source>
        <translation>ライブフィード</translation>
    </message>
    <message>
        <source>The password was not kept: {why}</source>
        <translation>パスワードは保存されませんでした：{why}</translation>
    </message>
    <message>
        <source>{name}: connecting…</source>
        <translation>{name}：接続中…</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>記録しない</translation>
    </message>
    <message>
        <source>Connecting to {url} (recording: {where})</source>
        <translation>{url} に接続中（記録：{where}）</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Password of {user} at {url}</source>
        <translation>{url} の {user} のパスワード</translation>
    </message>
    <message>
        <source>Disconnected from {name}</source>
        <translation>{name} から切断しました</translation>
    </message>
    <message>
        <source>Following the feeds as their messages arrive</source>
        <translation>フィードのメッセージ到着に合わせて追従中</translation>
    </message>
    <message>
        <source>{behind} behind the feeds: click to go back to live</source>
        <translation>フィードより {behind} 遅れ：クリックでライブに戻る</translation>
    </message>
    <message>
        <source>Open a recording: the folder of a feed</source>
        <translation>記録を開く：フィードのフォルダー</translation>
    </message>
    <message>
        <source>Open a recording</source>
        <translation>記録を開く</translation>
    </message>
    <message>
        <source>{folder}: no recording here (no feed.json)</source>
        <translation>{folder}：ここに記録はありません（feed.json がありません）</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>接続中</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>接続済み</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>待ち受け中</translation>
    </message>
    <message>
        <source>polling</source>
        <translation>定期取得中</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>再接続中</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>接続が拒否されました</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>タイムアウト</translation>
    </message>
    <message>
        <source>connection lost (closed by the server)</source>
        <translation>接続が切れました（サーバーが切断）</translation>
    </message>
    <message>
        <source>connection lost (connection refused)</source>
        <translation>接続が切れました（接続拒否）</translation>
    </message>
    <message>
        <source>HTTP 401: check the user name and password</source>
        <translation>HTTP 401：ユーザー名とパスワードを確認してください</translation>
    </message>
    <message>
        <source>HTTP 403: check the user name and password</source>
        <translation>HTTP 403：ユーザー名とパスワードを確認してください</translation>
    </message>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>{n} s ago</source>
        <translation>{n} 秒前</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>{n} 分前</translation>
    </message>
    <message>
        <source>{name}: {reason}; reconnecting in {s} s (attempt {n})</source>
        <translation>{name}：{reason}；{s} 秒後に再接続（{n} 回目）</translation>
    </message>
    <message>
        <source>{name}: {reason}; connecting again (attempt {n})</source>
        <translation>{name}：{reason}；再接続中（{n} 回目）</translation>
    </message>
    <message>
        <source>{name}: stopped</source>
        <translation>{name}：停止</translation>
    </message>
    <message>
        <source>{name}: {state} · {rate} msg/s · last {age}</source>
        <translation>{name}：{state} · 毎秒 {rate} 件 · 最終 {age}</translation>
    </message>
    <message>
        <source> · {n} not understood, skipped</source>
        <translation> · 解読できない {n} 件を除外</translation>
    </message>
    <message>
        <source>Recording in {folder}</source>
        <translation>記録先 {folder}</translation>
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
        <source>Reference layers are drawn from published coordinates where they exist; the rest is dashed and marked approximate, and partial layers say so.</source>
        <translation>参照レイヤーは、公表された座標があるところはその座標から描いています。それ以外は破線で描き、概略と表示しています。一部のみのレイヤーはその旨を表示します。</translation>
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
        <source>Scene &amp;timing…</source>
        <translation>シーンの時刻(&amp;T)…</translation>
    </message>
    <message>
        <source>When the last annotation shows…</source>
        <translation>最後の注記を表示する時間…</translation>
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
        <source>&amp;Remove track file</source>
        <translation>航跡ファイルを取り除く(&amp;R)</translation>
    </message>
    <message>
        <source>Unload a track file from the briefing (Edit &gt; Undo)</source>
        <translation>ブリーフィングから航跡ファイルを取り除く（編集 &gt; 元に戻す）</translation>
    </message>
    <message>
        <source>&amp;New briefing…</source>
        <translation>新しいブリーフィング(&amp;N)…</translation>
    </message>
    <message>
        <source>An empty briefing: the reference layers, no tracks, a title of yours</source>
        <translation>空のブリーフィング：参照レイヤー、航跡なし、自分の題名</translation>
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
</context>
<context>
    <name>Notes</name>
    <message>
        <source>Titles and presenter notes</source>
        <translation>題名と発表者ノート</translation>
    </message>
    <message>
        <source>What to say on this scene; only the presenter sees it</source>
        <translation>このシーンで話すこと（発表者だけに見えます）</translation>
    </message>
    <message>
        <source>Briefing title:</source>
        <translation>ブリーフィングの題名：</translation>
    </message>
    <message>
        <source>Scene title:</source>
        <translation>シーンの題名：</translation>
    </message>
    <message>
        <source>Presenter note:</source>
        <translation>発表者ノート：</translation>
    </message>
    <message>
        <source>No scenes yet: Scenes &gt; Add scene</source>
        <translation>シーンはまだありません：「シーン &gt; シーンを追加」</translation>
    </message>
    <message>
        <source>Scene {n} needs a title</source>
        <translation>シーン {n} には題名が必要です</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <source>Presenter &amp;notes</source>
        <translation>発表者ノート(&amp;N)</translation>
    </message>
    <message>
        <source>The scene&apos;s title and note, the next scene and the time, for the presenter</source>
        <translation>シーンの題名とノート、次のシーン、時刻（発表者用）</translation>
    </message>
    <message>
        <source>Titles and &amp;notes…</source>
        <translation>題名とノート(&amp;N)…</translation>
    </message>
    <message>
        <source>Edit the briefing&apos;s title, the scenes&apos; titles and presenter notes</source>
        <translation>ブリーフィングの題名、各シーンの題名と発表者ノートを編集します</translation>
    </message>
    <message>
        <source>S&amp;wap presenter and audience screens</source>
        <translation>発表者と聴衆の画面を入れ替える(&amp;W)</translation>
    </message>
    <message>
        <source>titles and notes</source>
        <translation>題名とノート</translation>
    </message>
    <message>
        <source>Presenter notes</source>
        <translation>発表者ノート</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 前へ</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>次へ ▶</translation>
    </message>
    <message>
        <source>Edit titles and notes…</source>
        <translation>題名とノートを編集…</translation>
    </message>
    <message>
        <source>Swap screens</source>
        <translation>画面を入れ替える</translation>
    </message>
    <message>
        <source>Show the map on the other screen and these notes on this one</source>
        <translation>地図をもう一方の画面に、このノートをこの画面に表示します</translation>
    </message>
    <message>
        <source>Scene {n} of {total} · {briefing}</source>
        <translation>シーン {n}/{total} · {briefing}</translation>
    </message>
    <message>
        <source>(no note for this scene)</source>
        <translation>（このシーンにノートはありません）</translation>
    </message>
    <message>
        <source>Not on a scene yet</source>
        <translation>まだシーンに入っていません</translation>
    </message>
    <message>
        <source>This briefing has no scenes</source>
        <translation>このブリーフィングにはシーンがありません</translation>
    </message>
    <message>
        <source>Next: {n}. {title}</source>
        <translation>次：{n}. {title}</translation>
    </message>
    <message>
        <source>Next: (end of the briefing)</source>
        <translation>次：（ブリーフィングの終わり）</translation>
    </message>
    <message>
        <source>presenting {elapsed}</source>
        <translation>発表 {elapsed}</translation>
    </message>
    <message>
        <source>map time {time}</source>
        <translation>地図の時刻 {time}</translation>
    </message>
    <message>
        <source>Tool: {tool} — Esc ends it</source>
        <translation>ツール：{tool} — Esc で終了</translation>
    </message>
    <message>
        <source>No map tool (a click selects, a drag pans)</source>
        <translation>地図ツールなし（クリックで選択、ドラッグで移動）</translation>
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
        <source>altitude {altitude}</source>
        <translation>高度 {altitude}</translation>
    </message>
    <message>
        <source>{place}: {distance} at {time}</source>
        <translation>{place}：{time} に {distance}</translation>
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
    <name>ReportedCountsDialog</name>
    <message>
        <source>Reported daily counts</source>
        <translation>公表された日別機数</translation>
    </message>
    <message>
        <source>Date (YYYY-MM-DD)</source>
        <translation>日付（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Aircraft</source>
        <translation>機数</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>e.g. MND press release 2021-10-04</source>
        <translation>例：台湾国防部 2021-10-04 発表</translation>
    </message>
    <message>
        <source>Given to every new or imported row without a source of its own</source>
        <translation>出典のない新規行・読み込んだ行すべてに付けます</translation>
    </message>
    <message>
        <source>Apply to rows without one</source>
        <translation>出典のない行に適用</translation>
    </message>
    <message>
        <source>Fill down</source>
        <translation>下へコピー</translation>
    </message>
    <message>
        <source>Copy the first selected row&apos;s source to the other selected rows</source>
        <translation>選択した最初の行の出典を、選択した他の行にコピーします</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>行を追加</translation>
    </message>
    <message>
        <source>Delete rows</source>
        <translation>行を削除</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV を読み込む…</translation>
    </message>
    <message>
        <source>The figures as published (e.g. Taiwan MND&apos;s daily report of aircraft entering the ADIZ), one row per day and kind.</source>
        <translation>公表された数値（例：台湾国防部が毎日公表する防空識別圏進入機数）を、1 日・1 種別につき 1 行で入力します。</translation>
    </message>
    <message>
        <source>Source for all rows:</source>
        <translation>全行の出典：</translation>
    </message>
    <message>
        <source>Imported {n} rows from {name} ({layout})</source>
        <translation>{name} から {n} 行を読み込みました（{layout}）</translation>
    </message>
    <message>
        <source>median-line crossings</source>
        <translation>中間線越え</translation>
    </message>
    <message>
        <source>balloons</source>
        <translation>気球</translation>
    </message>
    <message>
        <source>Also in the file: {figures} — not aircraft by kind, so not in the counts chart.</source>
        <translation>ファイルには他に {figures} があります。種別ごとの航空機数ではないため、集計グラフには含めません。</translation>
    </message>
    <message>
        <source>Import reported counts</source>
        <translation>公表された機数を読み込む</translation>
    </message>
    <message>
        <source>A table (CSV): date, kind, count, source; the Taiwan ADIZ Violations Database&apos;s daily totals; MND daily report figures; or any other, its columns mapped by hand</source>
        <translation>表（CSV）：date、kind、count、source の列、台湾 ADIZ 侵入データベースの日別合計、台湾国防部の日報の数値、またはその他の表（列を手動で対応付け）</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt)</source>
        <translation>CSV ファイル (*.csv *.tsv *.txt)</translation>
    </message>
    <message>
        <source>Row {n}: the date {text!r} is not YYYY-MM-DD</source>
        <translation>{n} 行目：日付 {text!r} が YYYY-MM-DD 形式ではありません</translation>
    </message>
    <message>
        <source>Row {n}: the count {text!r} is not a whole number</source>
        <translation>{n} 行目：機数 {text!r} が整数ではありません</translation>
    </message>
</context>
<context>
    <name>TimeEntry</name>
    <message>
        <source>Type a time, e.g. {examples}</source>
        <translation>時刻を入力してください（例：{examples}）</translation>
    </message>
    <message>
        <source>{text!r} is not a time: write it as {examples}</source>
        <translation>{text!r} は時刻ではありません。{examples} のように書いてください</translation>
    </message>
    <message>
        <source>{text!r}: write the date year first (2021-10-04), a day-first date is ambiguous</source>
        <translation>{text!r}：日付は年から書いてください（2021-10-04）。日が先の書き方はあいまいです</translation>
    </message>
    <message>
        <source>{text!r} has no time of day: add it, e.g. {text} 10:20</source>
        <translation>{text!r} に時刻がありません。例：{text} 10:20</translation>
    </message>
    <message>
        <source>{text!r} has no date: write it as 2021-10-04 {text}</source>
        <translation>{text!r} に日付がありません。2021-10-04 {text} のように書いてください</translation>
    </message>
    <message>
        <source>{text!r}: {field} {value} is out of range ({allowed})</source>
        <translation>{text!r}：{field} {value} は範囲外です（{allowed}）</translation>
    </message>
    <message>
        <source>{text!r}: {value} is not a date of the calendar</source>
        <translation>{text!r}：{value} は暦にない日付です</translation>
    </message>
    <message>
        <source>{text!r}: the offset {value} is not a UTC offset (from -14:00 to +14:00)</source>
        <translation>{text!r}：時差 {value} は UTC の時差ではありません（-14:00〜+14:00）</translation>
    </message>
    <message>
        <source>{text!r}: {value} is not a time zone known here (e.g. Asia/Taipei, UTC)</source>
        <translation>{text!r}：{value} は既知のタイムゾーンではありません（例：Asia/Taipei、UTC）</translation>
    </message>
    <message>
        <source>{text!r}: {zone} is {actual} on that date, not {typed}</source>
        <translation>{text!r}：その日の {zone} は {typed} ではなく {actual} です</translation>
    </message>
    <message>
        <source>{text!r}: {time} does not exist in {zone} (the clocks skip it): type the offset</source>
        <translation>{text!r}：{zone} に {time} は存在しません（時計が飛ばします）。時差を入力してください</translation>
    </message>
    <message>
        <source>{text!r}: {time} happens twice in {zone}: add the offset, e.g. {time} {offsets}</source>
        <translation>{text!r}：{zone} では {time} が二度あります。時差を加えてください（例：{time} {offsets}）</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>時</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>分</translation>
    </message>
    <message>
        <source>second</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>e.g. 10:20 or 2021-10-04 10:20</source>
        <translation>例：10:20 または 2021-10-04 10:20</translation>
    </message>
    <message>
        <source>Type a time in {zone}: {examples}. A time without a date stays on the date shown; a time with Z, an offset or a zone name is read in that zone.</source>
        <translation>{zone} の時刻を入力：{examples}。日付のない時刻は表示中の日付のまま、Z・時差・タイムゾーン名つきの時刻はそのゾーンで読みます。</translation>
    </message>
    <message>
        <source>Date…</source>
        <translation>日付…</translation>
    </message>
    <message>
        <source>Pick the date (keeps the time)</source>
        <translation>日付を選ぶ（時刻はそのまま）</translation>
    </message>
    <message>
        <source>reads as {shown} = {utc}</source>
        <translation>{shown} = {utc} と読みます</translation>
    </message>
</context>
<context>
    <name>TimeRange</name>
    <message>
        <source>Replay times</source>
        <translation>再生の時刻</translation>
    </message>
    <message>
        <source>blank: from the start</source>
        <translation>空欄：最初から</translation>
    </message>
    <message>
        <source>blank: to the end</source>
        <translation>空欄：最後まで</translation>
    </message>
    <message>
        <source>The tracks run from {start} to {end}.</source>
        <translation>航跡は {start} から {end} までです。</translation>
    </message>
    <message>
        <source>Time ({tz})</source>
        <translation>時刻（{tz}）</translation>
    </message>
    <message>
        <source>In point</source>
        <translation>イン点</translation>
    </message>
    <message>
        <source>Out point</source>
        <translation>アウト点</translation>
    </message>
    <message>
        <source>{what}: {time} is outside the tracks&apos; time</source>
        <translation>{what}：{time} は航跡の時間外です</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>The out point is not after the in point</source>
        <translation>アウト点がイン点より後ではありません</translation>
    </message>
</context>
<context>
    <name>TimeZoneDialog</name>
    <message>
        <source>Time zone of the file</source>
        <translation>ファイルのタイムゾーン</translation>
    </message>
    <message>
        <source>In which time zone are the times of {file}?</source>
        <translation>{file} の時刻はどのタイムゾーンですか？</translation>
    </message>
    <message>
        <source>Pick a zone or type its IANA name, e.g. Asia/Taipei</source>
        <translation>ゾーンを選ぶか IANA 名を入力（例：Asia/Taipei）</translation>
    </message>
    <message>
        <source>{zone!r} is not a time zone known here (e.g. Asia/Taipei)</source>
        <translation>{zone!r} は既知のタイムゾーンではありません（例：Asia/Taipei）</translation>
    </message>
    <message>
        <source>e.g. {example!r}, read as a time in {zone}</source>
        <translation>例：{example!r} を {zone} の時刻として読みます</translation>
    </message>
    <message>
        <source>{example!r} in the file is then {shown} = {utc}</source>
        <translation>ファイルの {example!r} は {shown} = {utc} になります</translation>
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
        <source>Seoul</source>
        <translation>ソウル</translation>
    </message>
    <message>
        <source>Manila</source>
        <translation>マニラ</translation>
    </message>
    <message>
        <source>London</source>
        <translation>ロンドン</translation>
    </message>
    <message>
        <source>New York</source>
        <translation>ニューヨーク</translation>
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
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 時間</translation>
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
        <source>&amp;Type times…</source>
        <translation>時刻を入力(&amp;T)…</translation>
    </message>
    <message>
        <source>Type the replay time and the in and out points (Ctrl+G)</source>
        <translation>再生時刻とイン点・アウト点を入力（Ctrl+G）</translation>
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
    <name>Timing</name>
    <message>
        <source>At ({tz})</source>
        <translation>時刻（{tz}）</translation>
    </message>
    <message>
        <source>From ({tz})</source>
        <translation>開始（{tz}）</translation>
    </message>
    <message>
        <source>To ({tz})</source>
        <translation>終了（{tz}）</translation>
    </message>
    <message>
        <source>At</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>From</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>The end is not after the start</source>
        <translation>終了が開始より後ではありません</translation>
    </message>
    <message>
        <source>Timing of {scene}</source>
        <translation>{scene} の時刻</translation>
    </message>
    <message>
        <source>A still at one time</source>
        <translation>ある時刻で静止</translation>
    </message>
    <message>
        <source>Play from one time to another</source>
        <translation>ある時刻から別の時刻まで再生</translation>
    </message>
    <message>
        <source>Keep the previous scene&apos;s time</source>
        <translation>前のシーンの時刻のまま</translation>
    </message>
    <message>
        <source>When the annotation shows</source>
        <translation>注記を表示する時間</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>常に</translation>
    </message>
    <message>
        <source>From one time to another</source>
        <translation>ある時刻から別の時刻まで</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <source>Measuring — drag on the map, Esc to stop</source>
        <extracomment>The status-bar section while each tool is active.</extracomment>
        <translation>計測 — 地図上をドラッグ、Esc で終了</translation>
    </message>
    <message>
        <source>Text — click where it goes, Esc to stop</source>
        <translation>テキスト — 置く場所をクリック、Esc で終了</translation>
    </message>
    <message>
        <source>Arrow — drag from its tail to its head, Esc to stop</source>
        <translation>矢印 — 根元から先端へドラッグ、Esc で終了</translation>
    </message>
    <message>
        <source>Circle — drag from its centre, Esc to stop</source>
        <translation>円 — 中心からドラッグ、Esc で終了</translation>
    </message>
    <message>
        <source>Polygon — click its corners, Enter to finish, Esc to stop</source>
        <translation>多角形 — 角をクリック、Enter で確定、Esc で終了</translation>
    </message>
    <message>
        <source>Tracing — Enter to finish, Esc to stop</source>
        <translation>なぞり中 — Enter で確定、Esc で終了</translation>
    </message>
    <message>
        <source>Editing vertices — drag a vertex, Esc to stop</source>
        <translation>頂点の編集 — 頂点をドラッグ、Esc で終了</translation>
    </message>
    <message>
        <source>Control point — the spot on the picture, then on the map; Esc to stop</source>
        <translation>基準点 — 画像上の点、次に地図上の点。Esc で終了</translation>
    </message>
    <message>
        <source>Measure</source>
        <extracomment>The tool&apos;s name on the map while presenting.</extracomment>
        <translation>計測</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>矢印</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>円</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>多角形</translation>
    </message>
    <message>
        <source>Tracing</source>
        <translation>なぞり</translation>
    </message>
    <message>
        <source>Editing vertices</source>
        <translation>頂点の編集</translation>
    </message>
    <message>
        <source>Control point</source>
        <translation>基準点</translation>
    </message>
    <message>
        <source>Map tools</source>
        <translation>地図ツール</translation>
    </message>
    <message>
        <source>&amp;Stop the tool</source>
        <translation>ツールを終了(&amp;S)</translation>
    </message>
    <message>
        <source>Esc: drop what is half drawn, then end the tool, then leave presenting</source>
        <translation>Esc：描きかけを取り消し、次にツールを終了し、次にプレゼンテーションを終了します</translation>
    </message>
    <message>
        <source>{tool} — Esc ends it</source>
        <translation>{tool} — Esc で終了</translation>
    </message>
</context>
<context>
    <name>TraceTool</name>
    <message>
        <source>{n} vertices · Enter ends · Backspace removes the last · Esc cancels</source>
        <translation>頂点 {n} 個 · Enter で終了 · Backspace で最後を削除 · Esc で取消</translation>
    </message>
</context>
<context>
    <name>TracedPanel</name>
    <message>
        <source>Fighter</source>
        <translation>戦闘機</translation>
    </message>
    <message>
        <source>Bomber</source>
        <translation>爆撃機</translation>
    </message>
    <message>
        <source>ISR / AEW / ASW</source>
        <translation>偵察 / 早期警戒 / 対潜</translation>
    </message>
    <message>
        <source>Drone (UAV)</source>
        <translation>無人機 (UAV)</translation>
    </message>
    <message>
        <source>Helicopter</source>
        <translation>ヘリコプター</translation>
    </message>
    <message>
        <source>Transport / tanker</source>
        <translation>輸送機 / 空中給油機</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>艦船</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Traced track</source>
        <translation>なぞった航跡</translation>
    </message>
    <message>
        <source>Aircraft this path stands for: a formation of 4 is one path</source>
        <translation>この経路が表す機数：4 機編隊なら 1 本の経路</translation>
    </message>
    <message>
        <source>shown on the map, e.g. J-16 ×4</source>
        <translation>地図に表示、例：J-16 ×4</translation>
    </message>
    <message>
        <source>Start time and speed</source>
        <translation>開始時刻と速度</translation>
    </message>
    <message>
        <source>Start and end times</source>
        <translation>開始時刻と終了時刻</translation>
    </message>
    <message>
        <source>Times at chosen vertices</source>
        <translation>選んだ頂点の時刻</translation>
    </message>
    <message>
        <source>Vertex</source>
        <translation>頂点</translation>
    </message>
    <message>
        <source>Time (blank: interpolated)</source>
        <translation>時刻（空欄：補間）</translation>
    </message>
    <message>
        <source>Start ({tz})</source>
        <translation>開始（{tz}）</translation>
    </message>
    <message>
        <source>Ground speed</source>
        <translation>対地速度</translation>
    </message>
    <message>
        <source>End ({tz})</source>
        <translation>終了（{tz}）</translation>
    </message>
    <message>
        <source>Id / callsign shown</source>
        <translation>表示する ID / コールサイン</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Aircraft</source>
        <translation>機数</translation>
    </message>
    <message>
        <source>Callsign (optional)</source>
        <translation>コールサイン（省略可）</translation>
    </message>
    <message>
        <source>Label (optional)</source>
        <translation>ラベル（省略可）</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>時刻の設定</translation>
    </message>
    <message>
        <source>another traced track is called {id!r}</source>
        <translation>{id!r} という名前の航跡がすでにあります</translation>
    </message>
    <message>
        <source>Vertex {n}: {reason}</source>
        <translation>頂点 {n}：{reason}</translation>
    </message>
    <message>
        <source>Trace a track</source>
        <translation>航跡をなぞる</translation>
    </message>
    <message>
        <source>Click vertices on the map; Enter or a double-click ends the track (T)</source>
        <translation>地図上で頂点をクリック。Enter かダブルクリックで航跡を終了（T）</translation>
    </message>
    <message>
        <source>Properties…</source>
        <translation>プロパティ…</translation>
    </message>
    <message>
        <source>Edit vertices</source>
        <translation>頂点を編集</translation>
    </message>
    <message>
        <source>Drag a vertex; Ctrl+click or double-click a leg inserts one; right-click deletes</source>
        <translation>頂点をドラッグ。区間を Ctrl+クリックかダブルクリックで挿入、右クリックで削除</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>複製…</translation>
    </message>
    <message>
        <source>The same path flown again later (another formation)</source>
        <translation>同じ経路を後でもう一度飛ぶ（別の編隊）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>航跡</translation>
    </message>
    <message>
        <source>Vertices</source>
        <translation>頂点数</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Times in {tz}; two at least (a time without a date, 10:05, is on the date of the time above it)</source>
        <translation>時刻は {tz}。少なくとも二つ（日付のない時刻 10:05 は上の行の時刻と同じ日付）</translation>
    </message>
    <message>
        <source>End</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Speed (kt)</source>
        <translation>速度（ノット）</translation>
    </message>
    <message>
        <source>Written into every saved file: where the tracks come from</source>
        <translation>保存するファイルすべてに書き込まれる、航跡の出典</translation>
    </message>
    <message>
        <source>The zone times are typed and shown in (stored in UTC)</source>
        <translation>時刻の入力と表示に使うタイムゾーン（UTC で保存）</translation>
    </message>
    <message>
        <source>Save as CSV / GeoJSON…</source>
        <translation>CSV / GeoJSON で保存…</translation>
    </message>
    <message>
        <source>Open for editing…</source>
        <translation>開いて編集…</translation>
    </message>
    <message>
        <source>Reported daily counts…</source>
        <translation>公表された日別機数…</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>タイムゾーン</translation>
    </message>
    <message>
        <source>Check the timing: this speed is not an aircraft&apos;s</source>
        <translation>時刻を確認してください：航空機の速度ではありません</translation>
    </message>
    <message>
        <source>Duplicate track</source>
        <translation>航跡を複製</translation>
    </message>
    <message>
        <source>Fly the same path how many minutes later?</source>
        <translation>同じ経路を何分後に飛びますか？</translation>
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
        <source>{name} does not say which unit some columns are in. Check the highlighted units (the guesses are pre-selected), then load.</source>
        <translation>{name} には一部の列の単位が書かれていません。強調表示された単位（推定値を選択済み）を確認してから読み込んでください。</translation>
    </message>
    <message>
        <source>Loading {name} cancelled: its units were not confirmed</source>
        <translation>{name} の読み込みを中止しました：単位が確認されませんでした</translation>
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
    <message>
        <source> (stale)</source>
        <translation>（更新なし）</translation>
    </message>
</context>
<context>
    <name>Underlay</name>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}：ファイルがありません</translation>
    </message>
    <message>
        <source>{path}: the picture is {w}×{h} pixels; scale it below 80 megapixels</source>
        <translation>{path}：画像は {w}×{h} ピクセルです。8000 万画素以下に縮小してください</translation>
    </message>
    <message>
        <source>{path}: not a picture Qt can read ({reason})</source>
        <translation>{path}：Qt で読めない画像です（{reason}）</translation>
    </message>
    <message>
        <source>Click a spot you can also find on the map; wheel: zoom; right-drag: pan</source>
        <translation>地図上でも見つけられる地点をクリック。ホイール：拡大縮小、右ドラッグ：移動</translation>
    </message>
    <message>
        <source>Add a picture (PNG or JPEG)</source>
        <translation>画像を追加（PNG または JPEG）</translation>
    </message>
</context>
</TS>
