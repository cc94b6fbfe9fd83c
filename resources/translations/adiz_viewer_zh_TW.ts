<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AlertRules</name>
    <message>
        <source>to the east side</source>
        <translation>越過至東側</translation>
    </message>
    <message>
        <source>to the west side</source>
        <translation>越過至西側</translation>
    </message>
    <message>
        <source>to the north side</source>
        <translation>越過至北側</translation>
    </message>
    <message>
        <source>to the south side</source>
        <translation>越過至南側</translation>
    </message>
    <message>
        <source>Live alerts</source>
        <translation>即時警示</translation>
    </message>
    <message>
        <source>Which zone events of the live feeds show a notice on the map. Every event is listed in the events table. Ticking none in a group means any; ticking a side alerts only on line crossings to that side.</source>
        <translation>即時資料源的哪些區域事件要在地圖上顯示通知。所有事件都會列在事件表中。某一組都不勾選表示不限；勾選某一側時，只有越線至該側才會警示。</translation>
    </message>
    <message>
        <source>no sound</source>
        <translation>無聲</translation>
    </message>
    <message>
        <source>the system&apos;s beep</source>
        <translation>系統提示音</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>區域</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Line crossed</source>
        <translation>越線方向</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>聲音</translation>
    </message>
</context>
<context>
    <name>AnnotationTool</name>
    <message>
        <source>Text on the map:</source>
        <translation>地圖上的文字：</translation>
    </message>
    <message>
        <source>Label (optional):</source>
        <translation>標籤（可留空）：</translation>
    </message>
</context>
<context>
    <name>Archive</name>
    <message>
        <source>Open &amp;archive…</source>
        <translation>開啟資料庫存檔(&amp;A)…</translation>
    </message>
    <message>
        <source>Open a folder of partitioned Parquet files: years of fixes, asked</source>
        <translation>開啟分區 Parquet 檔案的資料夾：多年的定位點，向引擎查詢而不全部載入</translation>
    </message>
    <message>
        <source>Connect to &amp;database…</source>
        <translation>連線到資料庫(&amp;D)…</translation>
    </message>
    <message>
        <source>A PostgreSQL/PostGIS table of fixes, or OpenSky</source>
        <translation>PostgreSQL/PostGIS 的定位點資料表，或 OpenSky</translation>
    </message>
    <message>
        <source>Whole &amp;archive</source>
        <translation>整個存檔(&amp;A)</translation>
    </message>
    <message>
        <source>Show the archive&apos;s whole span on the timeline</source>
        <translation>在時間軸上顯示存檔的完整時間範圍</translation>
    </message>
    <message>
        <source>&amp;Widen the archive window</source>
        <translation>放寬存檔時間窗(&amp;W)</translation>
    </message>
    <message>
        <source>Four times the time window, around its middle</source>
        <translation>以中點為準，時間窗放寬為四倍</translation>
    </message>
    <message>
        <source>&amp;Count zone entries in the whole archive</source>
        <translation>計算整個存檔的區域進入次數(&amp;C)</translation>
    </message>
    <message>
        <source>Counts per zone and day, computed in the engine</source>
        <translation>每個區域每日的次數，由資料庫引擎計算</translation>
    </message>
    <message>
        <source>Archive &amp;details…</source>
        <translation>存檔詳細資料(&amp;D)…</translation>
    </message>
    <message>
        <source>Close a&amp;rchive</source>
        <translation>關閉存檔(&amp;R)</translation>
    </message>
    <message>
        <source>Open an archive: a folder of Parquet files</source>
        <translation>開啟存檔：Parquet 檔案的資料夾</translation>
    </message>
    <message>
        <source>The briefing&apos;s archive is not there: {folder} (kept relative to the briefing&apos;s folder). Open it with File &gt; Open archive…</source>
        <translation>找不到簡報的資料庫存檔：{folder}（以相對於簡報資料夾的位置保存）。請以「檔案 &gt; 開啟資料庫存檔…」開啟</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>正在開啟 {name}…</translation>
    </message>
    <message>
        <source>The password was refused.</source>
        <translation>密碼遭拒。</translation>
    </message>
    <message>
        <source>Activity per hour…</source>
        <translation>每小時活動量…</translation>
    </message>
    <message>
        <source>Loading {window}…</source>
        <translation>正在載入 {window}…</translation>
    </message>
    <message>
        <source>{fixes} fixes loaded for {window}</source>
        <translation>已載入 {window} 的 {fixes} 個定位點</translation>
    </message>
    <message>
        <source>{hour}: {fixes} fixes, {tracks} tracks</source>
        <translation>{hour}：{fixes} 個定位點，{tracks} 條航跡</translation>
    </message>
    <message>
        <source>Drag to choose a window; wheel to zoom</source>
        <translation>拖曳以選擇時間窗；滾輪縮放</translation>
    </message>
    <message>
        <source>Counting zone entries… %p%</source>
        <translation>正在計算區域進入次數… %p%</translation>
    </message>
    <message>
        <source>Counted in {seconds} s; counting the other zones…</source>
        <translation>已於 {seconds} 秒內計算；正在計算其他區域…</translation>
    </message>
    <message>
        <source>Counted the whole archive in {seconds} s</source>
        <translation>已於 {seconds} 秒內計算整個存檔</translation>
    </message>
    <message>
        <source>Density…</source>
        <translation>密度…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>存檔</translation>
    </message>
    <message>
        <source>The activity per hour was cancelled</source>
        <translation>已取消每小時活動量</translation>
    </message>
    <message>
        <source>Loading the window was cancelled</source>
        <translation>已取消載入時間窗</translation>
    </message>
    <message>
        <source>Counting was cancelled</source>
        <translation>已取消計算</translation>
    </message>
    <message>
        <source>Opening the archive was cancelled</source>
        <translation>已取消開啟存檔</translation>
    </message>
    <message>
        <source>Archive details</source>
        <translation>存檔詳細資料</translation>
    </message>
    <message>
        <source>Type a database URL, e.g. postgresql://me@db.example.org/tracks?table=fixes</source>
        <translation>請輸入資料庫 URL，例如 postgresql://me@db.example.org/tracks?table=fixes</translation>
    </message>
    <message>
        <source>{scheme}:// is not a database here; use one of {schemes}</source>
        <translation>{scheme}:// 在此不是資料庫；請使用 {schemes} 之一</translation>
    </message>
    <message>
        <source>Not a URL: {error}</source>
        <translation>不是 URL：{error}</translation>
    </message>
    <message>
        <source>Leave the password out of the URL: it is asked, or taken from the system keyring, and never saved in a briefing</source>
        <translation>請勿把密碼寫在 URL 中：密碼會另行詢問或取自系統金鑰圈，且絕不存入簡報</translation>
    </message>
    <message>
        <source>Give your OpenSky user name: opensky://USER@host</source>
        <translation>請提供您的 OpenSky 使用者名稱：opensky://USER@host</translation>
    </message>
    <message>
        <source>Connect to a database</source>
        <translation>連線到資料庫</translation>
    </message>
    <message>
        <source>PostgreSQL (PostGIS or lon/lat columns): postgresql://USER@HOST:PORT/DATABASE?table=SCHEMA.TABLE
OpenSky&apos;s historical database (your own account): opensky://USER@trino.opensky-network.org
The password is asked (or taken from the system keyring); it is never saved in a briefing.</source>
        <translation>PostgreSQL（PostGIS 或經緯度欄位）：postgresql://USER@HOST:PORT/DATABASE?table=SCHEMA.TABLE
OpenSky 歷史資料庫（您自己的帳號）：opensky://USER@trino.opensky-network.org
密碼會另行詢問（或取自系統金鑰圈），絕不存入簡報。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>資料庫網址</translation>
    </message>
    <message>
        <source>OpenSky: the hours to look at (every question names them)</source>
        <translation>OpenSky：要查看的時段（每次查詢都須指定）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>從</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>The span ends before it starts</source>
        <translation>時段的結束早於開始</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>資料庫密碼</translation>
    </message>
    <message>
        <source>Keep it in the system keyring</source>
        <translation>保存在系統金鑰圈中</translation>
    </message>
    <message>
        <source>Not kept: {why}; it is asked each time.</source>
        <translation>不保存：{why}；每次都會詢問。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the archive&apos;s query</source>
        <translation>停止存檔的查詢</translation>
    </message>
    <message>
        <source>{name} ({engine})</source>
        <translation>{name}（{engine}）</translation>
    </message>
    <message>
        <source>{window}: asking…</source>
        <translation>{window}：查詢中…</translation>
    </message>
    <message>
        <source>{window}: {fixes} fixes loaded</source>
        <translation>{window}：已載入 {fixes} 個定位點</translation>
    </message>
    <message>
        <source>{window}: {fixes} fixes, over the budget: density shown</source>
        <translation>{window}：{fixes} 個定位點，超過重播上限：顯示密度</translation>
    </message>
    <message>
        <source>{window}: not loaded</source>
        <translation>{window}：未載入</translation>
    </message>
    <message>
        <source>{source}: the question failed ({error})</source>
        <translation>{source}：查詢失敗（{error}）</translation>
    </message>
</context>
<context>
    <name>Authoring</name>
    <message>
        <source>Picture underlay</source>
        <translation>底圖圖片</translation>
    </message>
    <message>
        <source>Traced tracks</source>
        <translation>描繪的航跡</translation>
    </message>
    <message>
        <source>traced tracks</source>
        <translation>描繪的航跡</translation>
    </message>
    <message>
        <source>Picture &amp;underlay…</source>
        <translation>底圖圖片(&amp;U)…</translation>
    </message>
    <message>
        <source>Add a map picture and place it with control points, to trace over it</source>
        <translation>加入一張地圖圖片，以控制點定位後在上面描繪航跡</translation>
    </message>
    <message>
        <source>&amp;Trace a track</source>
        <translation>描繪航跡(&amp;T)</translation>
    </message>
    <message>
        <source>Click vertices on the map; Enter or a double-click ends the track; Esc stops</source>
        <translation>在地圖上點選頂點；按 Enter 或雙擊結束航跡；Esc 停止</translation>
    </message>
    <message>
        <source>Place a &amp;control point</source>
        <translation>放置控制點(&amp;C)</translation>
    </message>
    <message>
        <source>A spot on the underlay&apos;s picture, then the same spot on the map (or typed)</source>
        <translation>底圖圖片上的一點，再點地圖上的同一點（或輸入座標）</translation>
    </message>
    <message>
        <source>&amp;Reported daily counts…</source>
        <translation>公布的每日架次(&amp;R)…</translation>
    </message>
    <message>
        <source>Save traced tracks &amp;as…</source>
        <translation>另存描繪的航跡(&amp;A)…</translation>
    </message>
    <message>
        <source>Open a track file for &amp;editing…</source>
        <translation>開啟航跡檔以編輯(&amp;E)…</translation>
    </message>
    <message>
        <source>Not replayed (check the timing): {problems}</source>
        <translation>未重播（請檢查時間設定）：{problems}</translation>
    </message>
    <message>
        <source>traced on the map</source>
        <translation>於地圖上描繪</translation>
    </message>
    <message>
        <source>Add a picture to trace over</source>
        <translation>加入要描繪的圖片</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp)</source>
        <translation>圖片 (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>add picture</source>
        <translation>加入圖片</translation>
    </message>
    <message>
        <source>Now place 3 or more control points: Add point, a spot on the picture, the same spot on the map</source>
        <translation>接著放置 3 個以上的控制點：按「新增控制點」，點圖片上的一處，再點地圖上的同一處</translation>
    </message>
    <message>
        <source>World file</source>
        <translation>World 檔</translation>
    </message>
    <message>
        <source>Place at least 3 control points first</source>
        <translation>請先放置至少 3 個控制點</translation>
    </message>
    <message>
        <source>World file not written</source>
        <translation>未寫入 World 檔</translation>
    </message>
    <message>
        <source>Wrote {files}</source>
        <translation>已寫入 {files}</translation>
    </message>
    <message>
        <source>Click the path&apos;s vertices on the map; Enter or a double-click ends it; Esc stops</source>
        <translation>在地圖上點選路徑的頂點；按 Enter 或雙擊結束；Esc 停止</translation>
    </message>
    <message>
        <source>Track {n}</source>
        <translation>航跡 {n}</translation>
    </message>
    <message>
        <source>Track discarded</source>
        <translation>已捨棄航跡</translation>
    </message>
    <message>
        <source>trace track</source>
        <translation>描繪航跡</translation>
    </message>
    <message>
        <source>Added {id}; trace the next one, or press Esc to stop (Edit &gt; Undo removes it)</source>
        <translation>已加入 {id}；可繼續描繪下一條，或按 Esc 停止（「編輯 &gt; 復原」可移除）</translation>
    </message>
    <message>
        <source>edit vertices</source>
        <translation>編輯頂點</translation>
    </message>
    <message>
        <source>track properties</source>
        <translation>航跡屬性</translation>
    </message>
    <message>
        <source>Editing {id}: drag a vertex · Ctrl+click or double-click a leg inserts one · right-click deletes · Esc ends</source>
        <translation>正在編輯 {id}：拖曳頂點 · Ctrl+點選或雙擊航段可插入頂點 · 按右鍵刪除 · Esc 結束</translation>
    </message>
    <message>
        <source>duplicate track</source>
        <translation>複製航跡</translation>
    </message>
    <message>
        <source>delete track</source>
        <translation>刪除航跡</translation>
    </message>
    <message>
        <source>Deleted {id} (Edit &gt; Undo restores it)</source>
        <translation>已刪除 {id}（「編輯 &gt; 復原」可還原）</translation>
    </message>
    <message>
        <source>Save traced tracks</source>
        <translation>儲存描繪的航跡</translation>
    </message>
    <message>
        <source>There are no traced tracks to save</source>
        <translation>沒有可儲存的描繪航跡</translation>
    </message>
    <message>
        <source>CSV (*.csv);;GeoJSON (*.geojson)</source>
        <translation>CSV 檔 (*.csv);;GeoJSON 檔 (*.geojson)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已儲存 {path}</translation>
    </message>
    <message>
        <source>Open a track file for editing</source>
        <translation>開啟航跡檔以編輯</translation>
    </message>
    <message>
        <source>Track files (*.csv *.geojson *.json *.gpx *.kml *.kmz);;All files (*)</source>
        <translation>航跡檔 (*.csv *.geojson *.json *.gpx *.kml *.kmz);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Open for editing</source>
        <translation>開啟以編輯</translation>
    </message>
    <message>
        <source>open for editing</source>
        <translation>開啟以編輯</translation>
    </message>
    <message>
        <source>{n} tracks from {name} to edit</source>
        <translation>已從 {name} 載入 {n} 條航跡供編輯</translation>
    </message>
    <message>
        <source>reported counts</source>
        <translation>公布的架次</translation>
    </message>
    <message>
        <source>remove picture</source>
        <translation>移除圖片</translation>
    </message>
    <message>
        <source>place control point</source>
        <translation>放置控制點</translation>
    </message>
    <message>
        <source>delete control point</source>
        <translation>刪除控制點</translation>
    </message>
    <message>
        <source>edit control point</source>
        <translation>編輯控制點</translation>
    </message>
    <message>
        <source>picture projection</source>
        <translation>圖片投影</translation>
    </message>
    <message>
        <source>picture opacity</source>
        <translation>圖片不透明度</translation>
    </message>
    <message>
        <source>{folder} already has {names}. Replace?</source>
        <translation>{folder} 已有 {names}。要取代嗎？</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>取代</translation>
    </message>
</context>
<context>
    <name>Briefing</name>
    <message>
        <source>Open briefing</source>
        <translation>開啟簡報</translation>
    </message>
    <message>
        <source>Briefings (*.briefing.json);;All files (*)</source>
        <translation>簡報 (*.briefing.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Cannot open briefing</source>
        <translation>無法開啟簡報</translation>
    </message>
    <message>
        <source>Where is {file}?</source>
        <translation>{file} 在哪裡？</translation>
    </message>
    <message>
        <source>{file};;All files (*)</source>
        <translation>{file};;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Track files not found</source>
        <translation>找不到航跡檔</translation>
    </message>
    <message>
        <source>{briefing}: these track files are not where the briefing says (relative to {folder}): {names}. Open them with File &gt; Open.</source>
        <translation>{briefing}：以下航跡檔不在簡報所記錄的位置（相對於 {folder}）：{names}。請用「檔案 &gt; 開啟」開啟。</translation>
    </message>
    <message>
        <source>Unknown projection</source>
        <translation>未知的投影</translation>
    </message>
    <message>
        <source>Only the briefing&apos;s first archive is opened</source>
        <translation>只開啟簡報中的第一個存檔</translation>
    </message>
    <message>
        <source>Save briefing</source>
        <translation>儲存簡報</translation>
    </message>
    <message>
        <source>Briefings (*.briefing.json)</source>
        <translation>簡報 (*.briefing.json)</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>儲存失敗</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已儲存 {path}</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>復原{action}(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>重做{action}(&amp;R)</translation>
    </message>
    <message>
        <source>add text</source>
        <translation>加入文字</translation>
    </message>
    <message>
        <source>add arrow</source>
        <translation>加入箭頭</translation>
    </message>
    <message>
        <source>add circle</source>
        <translation>加入圓形</translation>
    </message>
    <message>
        <source>add polygon</source>
        <translation>加入多邊形</translation>
    </message>
    <message>
        <source>Added a text (Edit &gt; Undo removes it)</source>
        <translation>已加入文字（「編輯 &gt; 復原」可移除）</translation>
    </message>
    <message>
        <source>Added an arrow (Edit &gt; Undo removes it)</source>
        <translation>已加入箭頭（「編輯 &gt; 復原」可移除）</translation>
    </message>
    <message>
        <source>Added a circle (Edit &gt; Undo removes it)</source>
        <translation>已加入圓形（「編輯 &gt; 復原」可移除）</translation>
    </message>
    <message>
        <source>Added a polygon (Edit &gt; Undo removes it)</source>
        <translation>已加入多邊形（「編輯 &gt; 復原」可移除）</translation>
    </message>
    <message>
        <source>Added {kind} (Edit &gt; Undo removes it)</source>
        <translation>已加入 {kind}（「編輯 &gt; 復原」可移除）</translation>
    </message>
    <message>
        <source>delete annotation</source>
        <translation>刪除註記</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>註記</translation>
    </message>
    <message>
        <source>Scene {n}</source>
        <translation>場景 {n}</translation>
    </message>
    <message>
        <source>add scene</source>
        <translation>新增場景</translation>
    </message>
    <message>
        <source>Added {scene}</source>
        <translation>已加入「{scene}」</translation>
    </message>
    <message>
        <source>Rename scene</source>
        <translation>重新命名場景</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>標題：</translation>
    </message>
    <message>
        <source>Autosave failed: {error}</source>
        <translation>自動儲存失敗：{error}</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>要還原未儲存的工作嗎？</translation>
    </message>
    <message>
        <source>ADIZ Viewer did not close cleanly. Restore the briefing autosaved at {time}?</source>
        <translation>ADIZ Viewer 上次未正常關閉。要還原 {time} 自動儲存的簡報嗎？</translation>
    </message>
    <message>
        <source>rename scene</source>
        <translation>重新命名場景</translation>
    </message>
    <message>
        <source>scene timing</source>
        <translation>場景時間</translation>
    </message>
    <message>
        <source>annotation timing</source>
        <translation>註記時間</translation>
    </message>
    <message>
        <source>delete scene</source>
        <translation>刪除場景</translation>
    </message>
    <message>
        <source>move scene</source>
        <translation>移動場景</translation>
    </message>
    <message>
        <source>Scene {n}/{total}: {title}</source>
        <translation>場景 {n}/{total}：{title}</translation>
    </message>
</context>
<context>
    <name>BriefingName</name>
    <message>
        <source>Save briefing</source>
        <translation>儲存簡報</translation>
    </message>
    <message>
        <source>Briefings are saved with names ending in .briefing.json, so that ADIZ Viewer and the desktop know them from track files.

Save as {name}?</source>
        <translation>簡報的檔名以 .briefing.json 結尾，ADIZ Viewer 與桌面才能將它與航跡檔區分。

儲存為 {name}？</translation>
    </message>
    <message>
        <source>Save as {name}</source>
        <translation>儲存為 {name}</translation>
    </message>
</context>
<context>
    <name>CountMappingDialog</name>
    <message>
        <source>(not used)</source>
        <translation>（不使用）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Kind or aircraft type (one row per kind)</source>
        <translation>類型或機型（每種一列）</translation>
    </message>
    <message>
        <source>Count (one row per kind)</source>
        <translation>架次（每種一列）</translation>
    </message>
    <message>
        <source>Total aircraft</source>
        <translation>航空器總數</translation>
    </message>
    <message>
        <source>Count of: {kind}</source>
        <translation>架次：{kind}</translation>
    </message>
    <message>
        <source>Median-line crossings</source>
        <translation>逾越中線</translation>
    </message>
    <message>
        <source>Balloons</source>
        <translation>氣球</translation>
    </message>
    <message>
        <source>Map the columns of the counts</source>
        <translation>對應架次表的欄位</translation>
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
        <translation>請指出每一欄的內容：日期，以及「類型欄加架次欄」（每日每種一列）或「每種類型一欄」。</translation>
    </message>
    <message>
        <source>Dates written as</source>
        <translation>日期寫法</translation>
    </message>
    <message>
        <source>Choose exactly one {role} column.</source>
        <translation>「{role}」欄請只選一欄。</translation>
    </message>
    <message>
        <source>Choose a kind column and a count column, or at least one column of counts of a kind.</source>
        <translation>請選擇一個類型欄和一個架次欄，或至少一個某類型的架次欄。</translation>
    </message>
</context>
<context>
    <name>CountsChart</name>
    <message>
        <source>aircraft</source>
        <translation>航空器</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>公布</translation>
    </message>
    <message>
        <source>apart</source>
        <translation>另計</translation>
    </message>
    <message>
        <source>No entries into this zone in the chosen tracks</source>
        <translation>所選航跡中沒有進入此區域的紀錄</translation>
    </message>
    <message>
        <source>{kind} (counted apart)</source>
        <translation>{kind}（另計）</translation>
    </message>
    <message>
        <source>hatched: reported</source>
        <translation>斜線：公布數字</translation>
    </message>
    <message>
        <source>definition changes</source>
        <translation>定義改變</translation>
    </message>
    <message>
        <source>MND day ({start:02d}:00–{start:02d}:00 {tz})</source>
        <translation>國防部日（{tz} {start:02d}:00–{start:02d}:00）</translation>
    </message>
    <message>
        <source>hour ({tz})</source>
        <translation>小時（{tz}）</translation>
    </message>
    <message>
        <source>calendar day ({tz})</source>
        <translation>日曆日（{tz}）</translation>
    </message>
    <message>
        <source>Aircraft entering {zone} per {day}, from {source}; ships and unknown kinds counted apart.</source>
        <translation>進入 {zone} 的航空器，每{day}，資料來自{source}；艦船與不明類型另計。</translation>
    </message>
    <message>
        <source>{day}: {n} aircraft</source>
        <translation>{day}：{n} 架航空器</translation>
    </message>
    <message>
        <source> (+{m} ships or unknown, apart)</source>
        <translation>（另有 {m} 艘艦船或不明，另計）</translation>
    </message>
    <message>
        <source>The day the counts are per: MND reports run 06:00 to 06:00 Taipei time</source>
        <translation>統計所依的日：國防部的報告以臺北時間 06:00 至 06:00 為一日</translation>
    </message>
    <message>
        <source>Which tracks are counted (and set against the reported figures)</source>
        <translation>統計哪些航跡（並與公布數字對照）</translation>
    </message>
    <message>
        <source>Loaded tracks: aircraft entering a zone</source>
        <translation>已載入的航跡：進入區域的航空器</translation>
    </message>
    <message>
        <source>Per</source>
        <translation>每</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>航跡</translation>
    </message>
    <message>
        <source>all loaded tracks</source>
        <translation>全部已載入的航跡</translation>
    </message>
    <message>
        <source>traced tracks</source>
        <translation>描繪的航跡</translation>
    </message>
    <message>
        <source>whole archive {name} (counted in the engine)</source>
        <translation>整個存檔 {name}（由引擎計算）</translation>
    </message>
    <message>
        <source>The reported figures are per day: count per day to see them.</source>
        <translation>公布數字以日為單位：改為每日統計才會顯示。</translation>
    </message>
    <message>
        <source>Hatched: reported for that day ({source}).</source>
        <translation>斜線：當日公布數字（{source}）。</translation>
    </message>
    <message>
        <source>no source given</source>
        <translation>未註明來源</translation>
    </message>
    <message>
        <source>Counting per {day} in the whole archive {name}…</source>
        <translation>正在以{day}為單位計算整個存檔 {name}…</translation>
    </message>
    <message>
        <source>Not counted per {day} yet: choose it again.</source>
        <translation>尚未以{day}為單位計算：請再選擇一次。</translation>
    </message>
    <message>
        <source>Counting {zone} in the whole archive {name}…</source>
        <translation>正在計算整個存檔 {name} 中的 {zone}…</translation>
    </message>
    <message>
        <source>{zone} is not counted in the whole archive {name}: the count was stopped.</source>
        <translation>整個存檔 {name} 中的 {zone} 尚未計算：計算已中止。</translation>
    </message>
    <message>
        <source>Published: {title}</source>
        <translation>公開資料：{title}</translation>
    </message>
    <message>
        <source>Zone whose entries are counted: each aircraft once per day (or hour) it enters, also between two fixes and across gaps in the data; one already inside at its first fix, or when the zone came into force, counts as entering then</source>
        <translation>計算進入次數的區域：每架航空器在其進入的每一天（或每小時）計一次，包括在兩個定位點之間及跨越資料缺口的進入；第一個定位點即在區域內、或區域生效時已在區域內者，於該時計為進入</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>區域</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>The details were saved to
{path}</source>
        <translation>詳細資訊已儲存至
{path}</translation>
    </message>
    <message>
        <source>(the log could not be written: {error})</source>
        <translation>（無法寫入記錄檔：{error}）</translation>
    </message>
    <message>
        <source>ADIZ Viewer: unexpected error</source>
        <translation>ADIZ Viewer：發生未預期的錯誤</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

{where}

Your briefing&apos;s autosave is kept; please send the log with a description of what you were doing.</source>
        <translation>發生錯誤：{error}

{where}

簡報的自動儲存已保留；請將記錄檔連同當時的操作說明一併寄給我們。</translation>
    </message>
</context>
<context>
    <name>Density</name>
    <message>
        <source>{window}: {fixes} fixes (the replay budget is {budget})</source>
        <translation>{window}：{fixes} 個定位點（重播上限為 {budget}）</translation>
    </message>
    <message>
        <source>at least {n}</source>
        <translation>至少 {n}</translation>
    </message>
    <message>
        <source>Fixes per cell (density: too many to replay)</source>
        <translation>每格定位點數（密度：數量過多無法重播）</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <source>Distance in &amp;nautical miles (nmi)</source>
        <translation>距離以海浬表示 (nmi)(&amp;N)</translation>
    </message>
    <message>
        <source>Distance in &amp;kilometres (km)</source>
        <translation>距離以公里表示 (km)(&amp;K)</translation>
    </message>
    <message>
        <source>Altitude in &amp;feet (ft)</source>
        <translation>高度以英尺表示 (ft)(&amp;F)</translation>
    </message>
    <message>
        <source>Altitude in &amp;metres (m)</source>
        <translation>高度以公尺表示 (m)(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;High-contrast theme</source>
        <translation>高對比主題(&amp;H)</translation>
    </message>
    <message>
        <source>White map, black coastlines, thicker lines and larger bold labels for a projector in a bright room (Ctrl+Shift+H, also while presenting)</source>
        <translation>白色地圖、黑色海岸線、較粗的線條與較大的粗體標籤，適合明亮教室中的投影機（Ctrl+Shift+H，簡報時也可用）</translation>
    </message>
    <message>
        <source>&amp;Units</source>
        <translation>單位(&amp;U)</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Untitled briefing</source>
        <translation>未命名簡報</translation>
    </message>
    <message>
        <source>New briefing: {title}</source>
        <translation>新簡報：{title}</translation>
    </message>
    <message>
        <source>New briefing</source>
        <translation>新簡報</translation>
    </message>
    <message>
        <source>Title of the briefing:</source>
        <translation>簡報標題：</translation>
    </message>
    <message>
        <source>Open track files</source>
        <translation>開啟航跡檔</translation>
    </message>
    <message>
        <source>Add {files} to the open briefing “{title}”, or start a new briefing?</source>
        <translation>將 {files} 加入目前開啟的簡報「{title}」，還是建立新簡報？</translation>
    </message>
    <message>
        <source>Add to this briefing</source>
        <translation>加入此簡報</translation>
    </message>
    <message>
        <source>Remember my choice</source>
        <translation>記住我的選擇</translation>
    </message>
    <message>
        <source>remove {file}</source>
        <translation>移除 {file}</translation>
    </message>
    <message>
        <source>Removed {file} (Edit &gt; Undo brings it back)</source>
        <translation>已移除 {file}（編輯 &gt; 復原可還原）</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <source>Time (UTC)</source>
        <translation>時間 (UTC)</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>航跡</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>區域</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>陣營</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>區內時間</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>附註</translation>
    </message>
    <message>
        <source>inside at its first fix</source>
        <translation>第一個定位點即在區域內</translation>
    </message>
    <message>
        <source>The track starts inside the zone: counted as entering at its first fix.</source>
        <translation>航跡自區域內開始：於第一個定位點計為進入。</translation>
    </message>
    <message>
        <source>inside when the zone came into force</source>
        <translation>區域生效時已在區域內</translation>
    </message>
    <message>
        <source>The track was already inside when the zone came into force: not a crossing.</source>
        <translation>區域生效時航跡已在區域內：並非穿越邊界。</translation>
    </message>
    <message>
        <source>inferred across a gap</source>
        <translation>跨越資料缺口推定</translation>
    </message>
    <message>
        <source>No fixes here for longer than the track&apos;s gap threshold (drawn dashed): the crossing is inferred from the straight line across the gap.</source>
        <translation>此處無定位點的時間超過該航跡的缺口門檻（以虛線表示）：邊界的穿越是依跨越缺口的直線推定的。</translation>
    </message>
    <message>
        <source>live</source>
        <translation>即時</translation>
    </message>
    <message>
        <source>Raised by a live feed as its messages arrived (and recorded).</source>
        <translation>由即時資料源在訊息抵達時產生（並已錄製）。</translation>
    </message>
    <message>
        <source>near the line: depends on how it is drawn</source>
        <translation>接近該線：取決於線的畫法</translation>
    </message>
    <message>
        <source>The track stays within 5 km of the line here. Only the line&apos;s two ends are published; the map draws it straight in longitude/latitude, and a rhumb line or a geodesic between the same ends lies up to a few kilometres away and could remove this crossing.</source>
        <translation>此處航跡與該線的距離保持在 5 公里以內。該線僅公布兩個端點；地圖以經緯度直線繪製，連接相同端點的恆向線或測地線最多可相差數公里，可能使這次穿越不成立。</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>進入</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>離開</translation>
    </message>
    <message>
        <source>crossing</source>
        <translation>穿越</translation>
    </message>
    <message>
        <source>This zone has an approximate edge (the usual drawing, not published)</source>
        <translation>此區域的邊界為近似（通行畫法，非官方公布）</translation>
    </message>
    <message>
        <source>{zone} (approx.)</source>
        <translation>{zone}（近似）</translation>
    </message>
    <message>
        <source>No events</source>
        <translation>沒有事件</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>{shown} of {total} events</source>
        <translation>顯示 {shown} 筆，共 {total} 筆事件</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>匯出事件</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>As shown</source>
        <translation>與畫面相同</translation>
    </message>
    <message>
        <source>1920 x 1080 (HD)</source>
        <translation>1920 x 1080（HD）</translation>
    </message>
    <message>
        <source>3840 x 2160 (4K slides)</source>
        <translation>3840 x 2160（4K 投影片）</translation>
    </message>
    <message>
        <source>3508 x 2480 (A4 at 300 dpi)</source>
        <translation>3508 x 2480（A4，300 dpi）</translation>
    </message>
    <message>
        <source>Export map as PNG</source>
        <translation>將地圖匯出為 PNG</translation>
    </message>
    <message>
        <source>Title and clock burned in</source>
        <translation>圖上加入標題與時鐘</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>DPI</source>
        <translation>解析度 (DPI)</translation>
    </message>
</context>
<context>
    <name>FeedDialog</name>
    <message>
        <source>ADS-B: SBS-1 / BaseStation text over TCP (dump1090, readsb)</source>
        <translation>ADS-B：SBS-1 / BaseStation 文字，經 TCP（dump1090、readsb）</translation>
    </message>
    <message>
        <source>ADS-B: Mode-S Beast binary over TCP (dump1090, readsb)</source>
        <translation>ADS-B：Mode-S Beast 二進位，經 TCP（dump1090、readsb）</translation>
    </message>
    <message>
        <source>AIS: NMEA sentences sent to this computer over UDP</source>
        <translation>AIS：經 UDP 傳到本機的 NMEA 語句</translation>
    </message>
    <message>
        <source>AIS: NMEA sentences over TCP (AIS-catcher, gpsd)</source>
        <translation>AIS：經 TCP 的 NMEA 語句（AIS-catcher、gpsd）</translation>
    </message>
    <message>
        <source>TAK: Cursor-on-Target over UDP multicast</source>
        <translation>TAK：經 UDP 群播的 Cursor-on-Target</translation>
    </message>
    <message>
        <source>TAK: Cursor-on-Target over TCP (a TAK server)</source>
        <translation>TAK：經 TCP 的 Cursor-on-Target（TAK 伺服器）</translation>
    </message>
    <message>
        <source>Aircraft states as JSON, polled (OpenSky&apos;s states/all)</source>
        <translation>定時查詢的 JSON 航空器狀態（OpenSky 的 states/all）</translation>
    </message>
    <message>
        <source>this computer only (127.0.0.1)</source>
        <translation>僅本機（127.0.0.1）</translation>
    </message>
    <message>
        <source>every network interface (0.0.0.0)</source>
        <translation>所有網路介面（0.0.0.0）</translation>
    </message>
    <message>
        <source>Connect to a live feed</source>
        <translation>連線至即時資料源</translation>
    </message>
    <message>
        <source>Where a listening feed accepts data from. Other computers can send to it only when you choose an interface other than this computer.</source>
        <translation>監聽的資料源從哪裡接收資料。只有選擇本機以外的介面時，其他電腦才能傳送資料過來。</translation>
    </message>
    <message>
        <source>work it out from the first messages</source>
        <translation>由最初的訊息推算</translation>
    </message>
    <message>
        <source>SBS-1 times are the receiver&apos;s local clock: its time zone</source>
        <translation>SBS-1 的時間是接收機的本地時鐘：請選它的時區</translation>
    </message>
    <message>
        <source>latitude, longitude (optional)</source>
        <translation>緯度, 經度（選填）</translation>
    </message>
    <message>
        <source>The receiver&apos;s position, to decode a position from a single Beast message (by default the middle of Taiwan)</source>
        <translation>接收機的位置，用於從單一 Beast 訊息解出位置（預設為臺灣中部）</translation>
    </message>
    <message>
        <source>Keep the password in the system keyring</source>
        <translation>將密碼保存在系統金鑰圈</translation>
    </message>
    <message>
        <source>No keyring: the password is asked each time ({why})</source>
        <translation>沒有金鑰圈：每次都會詢問密碼（{why}）</translation>
    </message>
    <message>
        <source>The feed&apos;s address: the form writes it</source>
        <translation>資料源的位址：由上方表單填寫</translation>
    </message>
    <message>
        <source>Record every message</source>
        <translation>錄製每一則訊息</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>變更…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>監聽於</translation>
    </message>
    <message>
        <source>Receiver clock</source>
        <translation>接收機時鐘</translation>
    </message>
    <message>
        <source>Receiver position</source>
        <translation>接收機位置</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>位址</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>使用者名稱</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>Or a token</source>
        <translation>或權杖</translation>
    </message>
    <message>
        <source>Ask every</source>
        <translation>查詢間隔</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>連線</translation>
    </message>
    <message>
        <source>Feed URL</source>
        <translation>資料源 URL</translation>
    </message>
    <message>
        <source>Connected before</source>
        <translation>先前連線過</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主機</translation>
    </message>
    <message>
        <source>Multicast group</source>
        <translation>群播群組</translation>
    </message>
    <message>
        <source>Record the feeds in</source>
        <translation>錄製資料源至</translation>
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
        <translation>圖片 x</translation>
    </message>
    <message>
        <source>Picture y</source>
        <translation>圖片 y</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>經度</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>緯度</translation>
    </message>
    <message>
        <source>Residual px</source>
        <translation>殘差 px</translation>
    </message>
    <message>
        <source>Residual km</source>
        <translation>殘差 km</translation>
    </message>
    <message>
        <source>expected two numbers: longitude, latitude (e.g. 121.5, 25.04)</source>
        <translation>需要兩個數字：經度、緯度（例如 121.5, 25.04）</translation>
    </message>
    <message>
        <source>longitude must be within ±180 and latitude within ±90</source>
        <translation>經度須在 ±180 之內，緯度須在 ±90 之內</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>沒有圖片</translation>
    </message>
    <message>
        <source>Add picture…</source>
        <translation>加入圖片…</translation>
    </message>
    <message>
        <source>A PNG or JPEG map to trace over (a ministry&apos;s daily map, a sketch)</source>
        <translation>要描繪的 PNG 或 JPEG 地圖（例如國防部每日圖、手繪草圖）</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Add point</source>
        <translation>新增控制點</translation>
    </message>
    <message>
        <source>Click a spot on the picture, then the same spot on the map (P)</source>
        <translation>點選圖片上的一處，再點選地圖上的同一處（P）</translation>
    </message>
    <message>
        <source>Type coordinates…</source>
        <translation>輸入座標…</translation>
    </message>
    <message>
        <source>Give the spot picked on the picture by its coordinates</source>
        <translation>以座標指定在圖片上選取的位置</translation>
    </message>
    <message>
        <source>Delete point</source>
        <translation>刪除控制點</translation>
    </message>
    <message>
        <source>Picture in lon/lat (plate carrée)</source>
        <translation>圖片為經緯度座標（等距圓柱投影）</translation>
    </message>
    <message>
        <source>Picture in Web Mercator (web maps)</source>
        <translation>圖片為 Web 麥卡托（網路地圖）</translation>
    </message>
    <message>
        <source>The projection the picture was drawn in; the smaller RMS error tells which</source>
        <translation>圖片所用的投影；RMS 誤差較小者即為正確</translation>
    </message>
    <message>
        <source>Distance between where you put the point and where the fit puts it, corrected for leverage: a single wrong point always has the largest value</source>
        <translation>您放置的位置與擬合結果之間的距離（已按槓桿值修正）：只有一個點放錯時，它的值一定最大</translation>
    </message>
    <message>
        <source>Opacity of the picture on the map</source>
        <translation>地圖上圖片的不透明度</translation>
    </message>
    <message>
        <source>Show on map</source>
        <translation>顯示於地圖</translation>
    </message>
    <message>
        <source>Export world file…</source>
        <translation>匯出 World 檔…</translation>
    </message>
    <message>
        <source>Write a world file and a .aux.xml beside the picture, so QGIS and GDAL place it</source>
        <translation>在圖片旁寫出 World 檔與 .aux.xml，讓 QGIS 與 GDAL 能定位圖片</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Add a picture first</source>
        <translation>請先加入圖片</translation>
    </message>
    <message>
        <source>Click a spot on the picture that you can also find on the map</source>
        <translation>點選圖片上一處在地圖上也找得到的位置</translation>
    </message>
    <message>
        <source>Now click the same spot on the map, or press Type coordinates… (Esc cancels)</source>
        <translation>接著點選地圖上的同一處，或按「輸入座標…」（Esc 取消）</translation>
    </message>
    <message>
        <source>First click the spot on the picture</source>
        <translation>請先點選圖片上的位置</translation>
    </message>
    <message>
        <source>Control point</source>
        <translation>控制點</translation>
    </message>
    <message>
        <source>Longitude, latitude of the spot (e.g. 121.5, 25.04 or 25°02′N 121°30′E):</source>
        <translation>該處的經度、緯度（例如 121.5, 25.04 或 25°02′N 121°30′E）：</translation>
    </message>
    <message>
        <source>Point {n} placed</source>
        <translation>已放置第 {n} 點</translation>
    </message>
    <message>
        <source>: place {k} more</source>
        <translation>：還需放置 {k} 點</translation>
    </message>
    <message>
        <source>Point {n}: {error}</source>
        <translation>第 {n} 點：{error}</translation>
    </message>
    <message>
        <source>Add a picture, then place control points on it</source>
        <translation>加入圖片，然後在上面放置控制點</translation>
    </message>
    <message>
        <source>{n} points · RMS error {px:.1f} px, {km:.2f} km</source>
        <translation>{n} 個點 · RMS 誤差 {px:.1f} px、{km:.2f} km</translation>
    </message>
    <message>
        <source>largest residual: point {n}</source>
        <translation>殘差最大：第 {n} 點</translation>
    </message>
    <message>
        <source>a 4th point shows how well they agree</source>
        <translation>加入第 4 點即可看出各點是否一致</translation>
    </message>
    <message>
        <source>all points agree within a pixel</source>
        <translation>所有點的誤差都在 1 像素內</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Time *</source>
        <translation>時間 *</translation>
    </message>
    <message>
        <source>Latitude *</source>
        <translation>緯度 *</translation>
    </message>
    <message>
        <source>Longitude *</source>
        <translation>經度 *</translation>
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
        <translation>航向</translation>
    </message>
    <message>
        <source>Type / kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>航跡</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>時間 (UTC)</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>緯度</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>經度</translation>
    </message>
    <message>
        <source>Altitude (m)</source>
        <translation>高度 (公尺)</translation>
    </message>
    <message>
        <source>Speed (kt)</source>
        <translation>速度（節）</translation>
    </message>
    <message>
        <source>Heading (°)</source>
        <translation>航向 (°)</translation>
    </message>
    <message>
        <source>metres</source>
        <translation>公尺</translation>
    </message>
    <message>
        <source>feet</source>
        <translation>英尺</translation>
    </message>
    <message>
        <source>knots</source>
        <translation>節</translation>
    </message>
    <message>
        <source>km/h</source>
        <translation>公里/小時</translation>
    </message>
    <message>
        <source>m/s</source>
        <translation>公尺/秒</translation>
    </message>
    <message>
        <source>no values to judge by: check the unit</source>
        <translation>沒有可供判斷的數值：請確認單位</translation>
    </message>
    <message>
        <source>values up to {value}: probably {unit}</source>
        <translation>數值最高到 {value}：可能是{unit}</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>匯入 {file}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>(the file says)</source>
        <translation>（依檔案內容）</translation>
    </message>
    <message>
        <source>Times are in</source>
        <translation>時間所屬時區</translation>
    </message>
    <message>
        <source>Split each aircraft into flights</source>
        <translation>將每架航空器分為各次飛行</translation>
    </message>
    <message>
        <source>A new track where the callsign changes or no fix comes for longer than the gap</source>
        <translation>呼號改變或超過間隔時間沒有定位時，另起一條航跡</translation>
    </message>
    <message>
        <source> min gap</source>
        <translation> 分鐘間隔</translation>
    </message>
    <message>
        <source>Recognised as: {schema}</source>
        <translation>辨識為：{schema}</translation>
    </message>
    <message>
        <source>Columns matched by their names</source>
        <translation>依欄位名稱對應欄位</translation>
    </message>
    <message>
        <source>Cannot show the rows: {reason}</source>
        <translation>無法顯示資料列：{reason}</translation>
    </message>
    <message>
        <source>Unit not given in the file (column &apos;{column}&apos;): {reason}. Check it.</source>
        <translation>檔案未註明單位（欄位「{column}」）：{reason}。請確認。</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <source>ADIZ</source>
        <translation>防空識別區</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>界線</translation>
    </message>
    <message>
        <source>PLA exercise zones</source>
        <translation>解放軍演習區</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地點</translation>
    </message>
    <message>
        <source>Senkaku / Diaoyu / Diaoyutai Islands</source>
        <translation>釣魚臺列嶼</translation>
    </message>
    <message>
        <source>Opacity of the selected layer</source>
        <translation>所選圖層的不透明度</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>顏色…</translation>
    </message>
    <message>
        <source>Draw the selected layer higher (later)</source>
        <translation>將所選圖層往上移（較晚繪製）</translation>
    </message>
    <message>
        <source>Draw the selected layer lower (earlier)</source>
        <translation>將所選圖層往下移（較早繪製）</translation>
    </message>
    <message>
        <source>Add layer file…</source>
        <translation>加入圖層檔…</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>part approximate</source>
        <translation>部分近似</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>推導</translation>
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
        <translation>選取圖層以檢視其來源、日期與可信度。</translation>
    </message>
    <message>
        <source>Layer colour</source>
        <translation>圖層顏色</translation>
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
        <translation>{who} 於 {time} UTC 進入{zone}</translation>
    </message>
    <message>
        <source>{who} left {zone} at {time} UTC</source>
        <translation>{who} 於 {time} UTC 離開{zone}</translation>
    </message>
    <message>
        <source>{who} crossed {zone} to the {side} at {time} UTC</source>
        <translation>{who} 於 {time} UTC 越過{zone}至{side}</translation>
    </message>
    <message>
        <source>{who} crossed {zone} at {time} UTC</source>
        <translation>{who} 於 {time} UTC 越過{zone}</translation>
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
        <translation>−{h} 小時 {m} 分</translation>
    </message>
    <message>
        <source>● LIVE</source>
        <translation>● 即時</translation>
    </message>
    <message>
        <source>Connect to &amp;feed…</source>
        <translation>連線至即時資料源(&amp;F)…</translation>
    </message>
    <message>
        <source>Show an ADS-B receiver, an AIS receiver, a TAK network or a JSON endpoint live on the map, recorded as it arrives</source>
        <translation>在地圖上即時顯示 ADS-B 接收機、AIS 接收機、TAK 網路或 JSON 端點，並在資料抵達時錄製</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>中斷連線(&amp;D)</translation>
    </message>
    <message>
        <source>Live &amp;alerts…</source>
        <translation>即時警示(&amp;A)…</translation>
    </message>
    <message>
        <source>Which zone events of the live feeds show a notice</source>
        <translation>即時資料源的哪些區域事件要顯示通知</translation>
    </message>
    <message>
        <source>Open a &amp;recording…</source>
        <translation>開啟錄製檔(&amp;R)…</translation>
    </message>
    <message>
        <source>Replay a recorded feed as a track file</source>
        <translation>將錄製的資料源當作航跡檔重播</translation>
    </message>
    <message>
        <source>Show the recordings &amp;folder</source>
        <translation>顯示錄製資料夾(&amp;F)</translation>
    </message>
    <message>
        <source>Open the folder the live feeds are recorded in</source>
        <translation>開啟即時資料源的錄製資料夾</translation>
    </message>
    <message>
        <source>All feeds</source>
        <translation>全部資料源</translation>
    </message>
    <message>
        <source>Live feed</source>
        <translation>即時資料源</translation>
    </message>
    <message>
        <source>The password was not kept: {why}</source>
        <translation>密碼未保存：{why}</translation>
    </message>
    <message>
        <source>{name}: connecting…</source>
        <translation>{name}：連線中…</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>不錄製</translation>
    </message>
    <message>
        <source>Connecting to {url} (recording: {where})</source>
        <translation>正在連線至 {url}（錄製：{where}）</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>Password of {user} at {url}</source>
        <translation>{url} 上 {user} 的密碼</translation>
    </message>
    <message>
        <source>Disconnected from {name}</source>
        <translation>已中斷與 {name} 的連線</translation>
    </message>
    <message>
        <source>Following the feeds as their messages arrive</source>
        <translation>隨資料源訊息抵達即時跟進</translation>
    </message>
    <message>
        <source>{behind} behind the feeds: click to go back to live</source>
        <translation>落後資料源 {behind}：按一下回到即時</translation>
    </message>
    <message>
        <source>Open a recording: the folder of a feed</source>
        <translation>開啟錄製檔：資料源的資料夾</translation>
    </message>
    <message>
        <source>Open a recording</source>
        <translation>開啟錄製檔</translation>
    </message>
    <message>
        <source>{folder}: no recording here (no feed.json)</source>
        <translation>{folder}：這裡沒有錄製檔（沒有 feed.json）</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>連線中</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已連線</translation>
    </message>
    <message>
        <source>listening</source>
        <translation>監聽中</translation>
    </message>
    <message>
        <source>polling</source>
        <translation>定時查詢中</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>重新連線中</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>連線被拒</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>逾時</translation>
    </message>
    <message>
        <source>connection lost (closed by the server)</source>
        <translation>連線中斷（伺服器關閉連線）</translation>
    </message>
    <message>
        <source>connection lost (connection refused)</source>
        <translation>連線中斷（連線被拒）</translation>
    </message>
    <message>
        <source>HTTP 401: check the user name and password</source>
        <translation>HTTP 401：請檢查使用者名稱與密碼</translation>
    </message>
    <message>
        <source>HTTP 403: check the user name and password</source>
        <translation>HTTP 403：請檢查使用者名稱與密碼</translation>
    </message>
    <message>
        <source>never</source>
        <translation>尚無</translation>
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
        <translation>{name}：{reason}；{s} 秒後重新連線（第 {n} 次）</translation>
    </message>
    <message>
        <source>{name}: {reason}; connecting again (attempt {n})</source>
        <translation>{name}：{reason}；正在重新連線（第 {n} 次）</translation>
    </message>
    <message>
        <source>{name}: stopped</source>
        <translation>{name}：已停止</translation>
    </message>
    <message>
        <source>{name}: {state} · {rate} msg/s · last {age}</source>
        <translation>{name}：{state} · 每秒 {rate} 則 · 最後一則 {age}</translation>
    </message>
    <message>
        <source> · {n} not understood, skipped</source>
        <translation> · 無法解讀的 {n} 則已略過</translation>
    </message>
    <message>
        <source>Recording in {folder}</source>
        <translation>錄製於 {folder}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Japanese usage (日本)</source>
        <translation>日本用法（日本）</translation>
    </message>
    <message>
        <source>PRC usage (中国大陆)</source>
        <translation>中國大陸用法（中国大陆）</translation>
    </message>
    <message>
        <source>ROC usage (臺灣)</source>
        <translation>中華民國（臺灣）用法</translation>
    </message>
    <message>
        <source>All usages</source>
        <translation>所有用法</translation>
    </message>
    <message>
        <source>Lambert conformal conic (Taiwan region)</source>
        <translation>蘭伯特正形圓錐投影（臺灣周邊）</translation>
    </message>
    <message>
        <source>Web Mercator (EPSG:3857)</source>
        <translation>Web 麥卡托 (EPSG:3857)</translation>
    </message>
    <message>
        <source>Equirectangular</source>
        <translation>等距圓柱投影</translation>
    </message>
    <message>
        <source>crude</source>
        <translation>極粗略</translation>
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
        <translation>完整</translation>
    </message>
    <message>
        <source>area</source>
        <translation>區域</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>邊界</translation>
    </message>
    <message>
        <source>point</source>
        <translation>地點</translation>
    </message>
    <message>
        <source>official</source>
        <translation>官方</translation>
    </message>
    <message>
        <source>secondary</source>
        <translation>次級來源</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>近似</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>航跡</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>陣營</translation>
    </message>
    <message>
        <source>Reference layers are drawn from published coordinates where they exist; the rest is dashed and marked approximate, and partial layers say so.</source>
        <translation>參考圖層在有公開發布坐標之處依該坐標繪製；其餘部分以虛線繪製並標示為近似，不完整的圖層會加以註明。</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>圖層</translation>
    </message>
    <message>
        <source>Loading… %p%</source>
        <translation>載入中… %p%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop loading the track files</source>
        <translation>停止載入航跡檔</translation>
    </message>
    <message>
        <source>&amp;Open track files…</source>
        <translation>開啟航跡檔(&amp;O)…</translation>
    </message>
    <message>
        <source>Load CSV, GeoJSON, GPX, KML/KMZ, GeoPackage, Parquet, AIS NMEA or Cursor-on-Target track files</source>
        <translation>載入 CSV、GeoJSON、GPX、KML/KMZ、GeoPackage、Parquet、AIS NMEA 或 Cursor-on-Target 航跡檔</translation>
    </message>
    <message>
        <source>Open &amp;briefing…</source>
        <translation>開啟簡報(&amp;B)…</translation>
    </message>
    <message>
        <source>Open a saved briefing (*.briefing.json)</source>
        <translation>開啟已儲存的簡報 (*.briefing.json)</translation>
    </message>
    <message>
        <source>&amp;Save briefing</source>
        <translation>儲存簡報(&amp;S)</translation>
    </message>
    <message>
        <source>Save the briefing: files, layers, view, clock, scenes</source>
        <translation>儲存簡報：檔案、圖層、畫面、時鐘、場景</translation>
    </message>
    <message>
        <source>Save briefing &amp;as…</source>
        <translation>另存簡報(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Add scene from current view</source>
        <translation>以目前畫面新增場景(&amp;A)</translation>
    </message>
    <message>
        <source>A scene = this view, time, layers and speed</source>
        <translation>場景 = 目前的畫面、時間、圖層與速度</translation>
    </message>
    <message>
        <source>&amp;Rename scene…</source>
        <translation>重新命名場景(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete scene</source>
        <translation>刪除場景(&amp;D)</translation>
    </message>
    <message>
        <source>Scene &amp;timing…</source>
        <translation>場景時間(&amp;T)…</translation>
    </message>
    <message>
        <source>When the last annotation shows…</source>
        <translation>最後一個註記的顯示時間…</translation>
    </message>
    <message>
        <source>Move scene &amp;earlier</source>
        <translation>場景前移(&amp;E)</translation>
    </message>
    <message>
        <source>Move scene &amp;later</source>
        <translation>場景後移(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Next scene</source>
        <translation>下一個場景(&amp;N)</translation>
    </message>
    <message>
        <source>Step to the next scene (presenter clicker)</source>
        <translation>前往下一個場景（簡報遙控器）</translation>
    </message>
    <message>
        <source>&amp;Previous scene</source>
        <translation>上一個場景(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>展示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, large type, no panels (Esc leaves)</source>
        <translation>全螢幕、大字體、隱藏面板（按 Esc 離開）</translation>
    </message>
    <message>
        <source>Import &amp;reports…</source>
        <translation>匯入報告(&amp;R)…</translation>
    </message>
    <message>
        <source>What was read and skipped in each loaded file</source>
        <translation>每個已載入檔案中讀取與略過的內容</translation>
    </message>
    <message>
        <source>&amp;Add layer file…</source>
        <translation>加入圖層檔(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a vector file (GeoJSON, GeoPackage, Shapefile, KML) as a map layer</source>
        <translation>將向量檔（GeoJSON、GeoPackage、Shapefile、KML）加入為地圖圖層</translation>
    </message>
    <message>
        <source>Export map as &amp;PNG…</source>
        <translation>將地圖匯出為 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Save the map as shown to a PNG image</source>
        <translation>將目前顯示的地圖存成 PNG 圖檔</translation>
    </message>
    <message>
        <source>Export &amp;video…</source>
        <translation>匯出影片(&amp;V)…</translation>
    </message>
    <message>
        <source>Save the replay (in/out range) as MP4 or GIF</source>
        <translation>將重播（入點／出點範圍）存成 MP4 或 GIF</translation>
    </message>
    <message>
        <source>Export &amp;briefing as video…</source>
        <translation>將簡報匯出為影片(&amp;B)…</translation>
    </message>
    <message>
        <source>Every scene of the briefing in order, as MP4 or GIF</source>
        <translation>依序將簡報的每個場景存成 MP4 或 GIF</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Home view</source>
        <translation>起始畫面(&amp;H)</translation>
    </message>
    <message>
        <source>Show the whole region</source>
        <translation>顯示整個區域</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom to &amp;layer</source>
        <translation>縮放至圖層(&amp;L)</translation>
    </message>
    <message>
        <source>Zoom to the layer selected in the panel</source>
        <translation>縮放至面板中所選的圖層</translation>
    </message>
    <message>
        <source>&amp;Graticule</source>
        <translation>經緯網(&amp;G)</translation>
    </message>
    <message>
        <source>Map &amp;date…</source>
        <translation>地圖日期(&amp;D)…</translation>
    </message>
    <message>
        <source>Show time-aware layers (Japan&apos;s ADIZ near Yonaguni, exercise zones) as on a date</source>
        <translation>依指定日期顯示隨時間變化的圖層（與那國島附近的日本防空識別區、演習區）</translation>
    </message>
    <message>
        <source>Other CRS (&amp;EPSG code)…</source>
        <translation>其他坐標參考系統（EPSG 代碼）(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Measure distance and bearing</source>
        <translation>量測距離與方位(&amp;M)</translation>
    </message>
    <message>
        <source>Drag on the map: geodesic range (nmi, km), true bearing and 12 nmi range rings; Esc clears</source>
        <translation>在地圖上拖曳：大地線距離（海浬、公里）、真方位與 12 海浬距離圈；按 Esc 清除</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>文字(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Arrow</source>
        <translation>箭頭(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Circle</source>
        <translation>圓形(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Polygon (Enter to finish)</source>
        <translation>多邊形（按 Enter 完成）(&amp;P)</translation>
    </message>
    <message>
        <source>Only during the in/out range</source>
        <translation>僅在入點／出點範圍內顯示</translation>
    </message>
    <message>
        <source>New annotations show only while the replay is inside the in/out points</source>
        <translation>新註記只在重播位於入點與出點之間時顯示</translation>
    </message>
    <message>
        <source>Delete the last annotation</source>
        <translation>刪除最後一個註記</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About and data sources</source>
        <translation>關於與資料來源(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系統語言</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Projection</source>
        <translation>投影(&amp;P)</translation>
    </message>
    <message>
        <source>Place &amp;names</source>
        <translation>地名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>介面語言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>時間軸(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Colour tracks by</source>
        <translation>航跡著色依據(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Flash zone events on the map</source>
        <translation>在地圖上閃示區域事件(&amp;F)</translation>
    </message>
    <message>
        <source>Track &amp;labels</source>
        <translation>航跡標籤(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Scenes</source>
        <translation>場景(&amp;S)</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>工具(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>註記(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>Add layer file</source>
        <translation>加入圖層檔</translation>
    </message>
    <message>
        <source>Vector layers ({patterns});;All files (*)</source>
        <translation>向量圖層 ({patterns});;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Cannot add layer</source>
        <translation>無法加入圖層</translation>
    </message>
    <message>
        <source>Added layer {title} ({n} features)</source>
        <translation>已加入圖層 {title}（{n} 個圖徵）</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>匯出地圖</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
    <message>
        <source>{path}: could not write the PNG</source>
        <translation>{path}：無法寫入 PNG</translation>
    </message>
    <message>
        <source>Saved {path} ({width}x{height}, {dpi} dpi)</source>
        <translation>已儲存 {path}（{width}x{height}，{dpi} dpi）</translation>
    </message>
    <message>
        <source>Unknown projection</source>
        <translation>未知的投影</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>投影</translation>
    </message>
    <message>
        <source>EPSG code or PROJ string, e.g. EPSG:3826 (TWD97 / TM2) or EPSG:32651 (UTM 51N):</source>
        <translation>EPSG 代碼或 PROJ 字串，例如 EPSG:3826（TWD97 / TM2）或 EPSG:32651（UTM 51N）：</translation>
    </message>
    <message>
        <source>Map date</source>
        <translation>地圖日期</translation>
    </message>
    <message>
        <source>Show time-aware layers as on (YYYY-MM-DD, UTC):</source>
        <translation>依此日期顯示隨時間變化的圖層（YYYY-MM-DD，UTC）：</translation>
    </message>
    <message>
        <source>{text} is not a date; expected YYYY-MM-DD</source>
        <translation>{text} 不是日期；格式應為 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>{projection}  ·  coastline: {resolution}</source>
        <translation>{projection}  ·  海岸線：{resolution}</translation>
    </message>
    <message>
        <source>This {role}: {confidence}</source>
        <translation>此{role}：{confidence}</translation>
    </message>
    <message>
        <source>The interface language changes when ADIZ Viewer is started again.</source>
        <translation>介面語言將在下次啟動 ADIZ Viewer 時變更。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>介面語言</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>關於 {app}</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <source>&amp;Remove track file</source>
        <translation>移除航跡檔(&amp;R)</translation>
    </message>
    <message>
        <source>Unload a track file from the briefing (Edit &gt; Undo)</source>
        <translation>從簡報移除一個航跡檔（編輯 &gt; 復原）</translation>
    </message>
    <message>
        <source>&amp;New briefing…</source>
        <translation>新簡報(&amp;N)…</translation>
    </message>
    <message>
        <source>An empty briefing: the reference layers, no tracks, a title of yours</source>
        <translation>空白簡報：參考圖層、沒有航跡、自訂標題</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>尚未儲存的變更</translation>
    </message>
    <message>
        <source>Save the briefing before closing?</source>
        <translation>關閉前要儲存簡報嗎？</translation>
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
        <translation>地圖
  拖曳；方向鍵（重播時為 Shift+方向鍵）：平移    滾輪、+ / -：以游標為中心縮放
  Ctrl+0：起始畫面      Ctrl+Shift+L：縮放至所選圖層
  點選區域、線或地點：顯示其來源、日期與可信度
重播
  Space：播放 / 暫停    Left / Right：逐步    Home / End：開頭 / 結尾
  I / O：入點 / 出點    L：循環               [ / ]：減速 / 加速
  F：跟隨所選航跡    點選航跡：顯示詳細資訊
簡報
  PageDown / PageUp（展示時也可用 Right / Left）：下一個 / 上一個場景
  Ctrl+1..9：前往場景        Ctrl+M：以目前畫面新增場景
  F5：展示模式（Esc 離開）
工具
  M：量測距離與方位    Shift+T / A / C / P：註記（文字、箭頭、圓形、多邊形）
  Ctrl+Z / Ctrl+Shift+Z：復原 / 重做場景與註記的編輯
檔案
  Ctrl+O：開啟航跡    Ctrl+Shift+O：開啟簡報    Ctrl+S：儲存簡報
  Ctrl+L：加入圖層檔        Ctrl+E：匯出 PNG      Ctrl+Shift+E：匯出影片
</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>資料來源</translation>
    </message>
    <message>
        <source>Not drawn</source>
        <translation>未繪製</translation>
    </message>
    <message>
        <source>Libraries: {names}.</source>
        <translation>使用的函式庫：{names}。</translation>
    </message>
</context>
<context>
    <name>MapPainters</name>
    <message>
        <source>Zones: published coordinates, sources and confidence in Help &gt; About · Coastlines: GSHHG 2.3 (Wessel &amp; Smith), LGPL-3.0</source>
        <translation>區域：公開坐標，來源與可信度見「說明 &gt; 關於」 · 海岸線：GSHHG 2.3（Wessel &amp; Smith），LGPL-3.0</translation>
    </message>
    <message>
        <source>published edge (official or secondary source)</source>
        <translation>公布的邊界（官方或次級來源）</translation>
    </message>
    <message>
        <source>approximate edge: usual drawing, not published</source>
        <translation>近似邊界：通行畫法，非官方公布</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>Titles and presenter notes</source>
        <translation>標題與簡報者備忘</translation>
    </message>
    <message>
        <source>What to say on this scene; only the presenter sees it</source>
        <translation>這個場景要說的話（只有簡報者看得到）</translation>
    </message>
    <message>
        <source>Briefing title:</source>
        <translation>簡報標題：</translation>
    </message>
    <message>
        <source>Scene title:</source>
        <translation>場景標題：</translation>
    </message>
    <message>
        <source>Presenter note:</source>
        <translation>簡報者備忘：</translation>
    </message>
    <message>
        <source>No scenes yet: Scenes &gt; Add scene</source>
        <translation>尚無場景：「場景 &gt; 新增場景」</translation>
    </message>
    <message>
        <source>Scene {n} needs a title</source>
        <translation>場景 {n} 需要標題</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <source>Presenter &amp;notes</source>
        <translation>簡報者備忘(&amp;N)</translation>
    </message>
    <message>
        <source>The scene&apos;s title and note, the next scene and the time, for the presenter</source>
        <translation>場景的標題與備忘、下一個場景與時間（給簡報者）</translation>
    </message>
    <message>
        <source>Titles and &amp;notes…</source>
        <translation>標題與備忘(&amp;N)…</translation>
    </message>
    <message>
        <source>Edit the briefing&apos;s title, the scenes&apos; titles and presenter notes</source>
        <translation>編輯簡報標題、各場景標題與簡報者備忘</translation>
    </message>
    <message>
        <source>S&amp;wap presenter and audience screens</source>
        <translation>交換簡報者與觀眾的螢幕(&amp;W)</translation>
    </message>
    <message>
        <source>titles and notes</source>
        <translation>標題與備忘</translation>
    </message>
    <message>
        <source>Presenter notes</source>
        <translation>簡報者備忘</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一個</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一個 ▶</translation>
    </message>
    <message>
        <source>Edit titles and notes…</source>
        <translation>編輯標題與備忘…</translation>
    </message>
    <message>
        <source>Swap screens</source>
        <translation>交換螢幕</translation>
    </message>
    <message>
        <source>Show the map on the other screen and these notes on this one</source>
        <translation>地圖顯示在另一個螢幕，這些備忘顯示在這個螢幕</translation>
    </message>
    <message>
        <source>Scene {n} of {total} · {briefing}</source>
        <translation>場景 {n}/{total} · {briefing}</translation>
    </message>
    <message>
        <source>(no note for this scene)</source>
        <translation>（此場景沒有備忘）</translation>
    </message>
    <message>
        <source>Not on a scene yet</source>
        <translation>尚未進入任何場景</translation>
    </message>
    <message>
        <source>This briefing has no scenes</source>
        <translation>此簡報沒有場景</translation>
    </message>
    <message>
        <source>Next: {n}. {title}</source>
        <translation>下一個：{n}. {title}</translation>
    </message>
    <message>
        <source>Next: (end of the briefing)</source>
        <translation>下一個：（簡報結束）</translation>
    </message>
    <message>
        <source>presenting {elapsed}</source>
        <translation>簡報已進行 {elapsed}</translation>
    </message>
    <message>
        <source>map time {time}</source>
        <translation>地圖時間 {time}</translation>
    </message>
    <message>
        <source>Tool: {tool} — Esc ends it</source>
        <translation>工具：{tool} — 按 Esc 結束</translation>
    </message>
    <message>
        <source>No map tool (a click selects, a drag pans)</source>
        <translation>沒有地圖工具（點一下選取，拖曳平移）</translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <source>Export video</source>
        <translation>匯出影片</translation>
    </message>
    <message>
        <source>Load track files first: there is nothing to replay</source>
        <translation>請先載入航跡檔：目前沒有可重播的內容</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4);;GIF animation (*.gif)</source>
        <translation>MP4 影片 (*.mp4);;GIF 動畫 (*.gif)</translation>
    </message>
    <message>
        <source>Export briefing</source>
        <translation>匯出簡報</translation>
    </message>
    <message>
        <source>The briefing has no scenes to play</source>
        <translation>此簡報沒有可播放的場景</translation>
    </message>
    <message>
        <source>Export briefing video</source>
        <translation>匯出簡報影片</translation>
    </message>
    <message>
        <source>Rendering the video…</source>
        <translation>正在產生影片…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export cancelled; no file written</source>
        <translation>已取消匯出；未寫入任何檔案</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
    <message>
        <source>Saved {path} ({frames} frames)</source>
        <translation>已儲存 {path}（{frames} 格）</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>時間軸</translation>
    </message>
    <message>
        <source>Click a track on the map to see its details.</source>
        <translation>在地圖上點選航跡以檢視詳細資訊。</translation>
    </message>
    <message>
        <source>Track details</source>
        <translation>航跡詳細資訊</translation>
    </message>
    <message>
        <source>Zone events</source>
        <translation>區域事件</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>架次統計</translation>
    </message>
    <message>
        <source>&amp;Follow selected track</source>
        <translation>跟隨所選航跡(&amp;F)</translation>
    </message>
    <message>
        <source>Keep the selected track centred during replay</source>
        <translation>重播時讓所選航跡保持在畫面中央</translation>
    </message>
    <message>
        <source>{track}: {event} {zone}</source>
        <translation>{track}：{event} {zone}</translation>
    </message>
    <message>
        <source>{track}: {event} {zone} at {time} UTC</source>
        <translation>{track}：{time} UTC {event} {zone}</translation>
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
        <translation>{place}：{distance}，於 {time}</translation>
    </message>
    <message>
        <source>speed {kt} kt</source>
        <translation>速度 {kt} 節</translation>
    </message>
    <message>
        <source>heading {deg}°</source>
        <translation>航向 {deg}°</translation>
    </message>
    <message>
        <source>closest approach:</source>
        <translation>最接近距離：</translation>
    </message>
    <message>
        <source>file: {name}</source>
        <translation>檔案：{name}</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Notices</source>
        <translation>注意事項</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Skipped rows ({n})</source>
        <translation>略過的資料列（{n}）</translation>
    </message>
    <message>
        <source>line</source>
        <translation>行號</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>… and {n} more (see &lt;code&gt;adiz-viewer inspect FILE&lt;/code&gt; for all).</source>
        <translation>……另有 {n} 筆（完整清單請用 &lt;code&gt;adiz-viewer inspect FILE&lt;/code&gt;）。</translation>
    </message>
    <message>
        <source>Import report — {file}</source>
        <translation>匯入報告 — {file}</translation>
    </message>
</context>
<context>
    <name>ReportedCountsDialog</name>
    <message>
        <source>Reported daily counts</source>
        <translation>公布的每日架次</translation>
    </message>
    <message>
        <source>Date (YYYY-MM-DD)</source>
        <translation>日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Aircraft</source>
        <translation>架次</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>e.g. MND press release 2021-10-04</source>
        <translation>例如：國防部 2021-10-04 新聞稿</translation>
    </message>
    <message>
        <source>Given to every new or imported row without a source of its own</source>
        <translation>套用到每一筆沒有來源的新增或匯入列</translation>
    </message>
    <message>
        <source>Apply to rows without one</source>
        <translation>套用到沒有來源的列</translation>
    </message>
    <message>
        <source>Fill down</source>
        <translation>向下填滿</translation>
    </message>
    <message>
        <source>Copy the first selected row&apos;s source to the other selected rows</source>
        <translation>將第一個選取列的來源複製到其他選取列</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>新增一列</translation>
    </message>
    <message>
        <source>Delete rows</source>
        <translation>刪除列</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>匯入 CSV…</translation>
    </message>
    <message>
        <source>The figures as published (e.g. Taiwan MND&apos;s daily report of aircraft entering the ADIZ), one row per day and kind.</source>
        <translation>依公布內容填寫（例如國防部每日公布進入防空識別區的解放軍機架次），每天每種類型一列。</translation>
    </message>
    <message>
        <source>Source for all rows:</source>
        <translation>所有列的來源：</translation>
    </message>
    <message>
        <source>Imported {n} rows from {name} ({layout})</source>
        <translation>已從 {name} 匯入 {n} 列（{layout}）</translation>
    </message>
    <message>
        <source>median-line crossings</source>
        <translation>逾越中線</translation>
    </message>
    <message>
        <source>balloons</source>
        <translation>氣球</translation>
    </message>
    <message>
        <source>Also in the file: {figures} — not aircraft by kind, so not in the counts chart.</source>
        <translation>檔案中另有：{figures}——不是依類型計的航空器，因此不列入架次圖。</translation>
    </message>
    <message>
        <source>Import reported counts</source>
        <translation>匯入公布的架次</translation>
    </message>
    <message>
        <source>A table (CSV): date, kind, count, source; the Taiwan ADIZ Violations Database&apos;s daily totals; MND daily report figures; or any other, its columns mapped by hand</source>
        <translation>表格（CSV）：date、kind、count、source；台灣 ADIZ 違規資料庫的每日總數；國防部每日報告數字；或任何其他表格（以手動對應欄位）</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt)</source>
        <translation>CSV 檔 (*.csv *.tsv *.txt)</translation>
    </message>
    <message>
        <source>Row {n}: the date {text!r} is not YYYY-MM-DD</source>
        <translation>第 {n} 列：日期 {text!r} 不是 YYYY-MM-DD 格式</translation>
    </message>
    <message>
        <source>Row {n}: the count {text!r} is not a whole number</source>
        <translation>第 {n} 列：架次 {text!r} 不是整數</translation>
    </message>
</context>
<context>
    <name>TimeEntry</name>
    <message>
        <source>Type a time, e.g. {examples}</source>
        <translation>請輸入時間，例如 {examples}</translation>
    </message>
    <message>
        <source>{text!r} is not a time: write it as {examples}</source>
        <translation>{text!r} 不是時間：請寫成 {examples}</translation>
    </message>
    <message>
        <source>{text!r}: write the date year first (2021-10-04), a day-first date is ambiguous</source>
        <translation>{text!r}：日期請以年份開頭（2021-10-04），日在前的寫法有歧義</translation>
    </message>
    <message>
        <source>{text!r} has no time of day: add it, e.g. {text} 10:20</source>
        <translation>{text!r} 沒有時刻：請加上，例如 {text} 10:20</translation>
    </message>
    <message>
        <source>{text!r} has no date: write it as 2021-10-04 {text}</source>
        <translation>{text!r} 沒有日期：請寫成 2021-10-04 {text}</translation>
    </message>
    <message>
        <source>{text!r}: {field} {value} is out of range ({allowed})</source>
        <translation>{text!r}：{field} {value} 超出範圍（{allowed}）</translation>
    </message>
    <message>
        <source>{text!r}: {value} is not a date of the calendar</source>
        <translation>{text!r}：{value} 不是曆法上的日期</translation>
    </message>
    <message>
        <source>{text!r}: the offset {value} is not a UTC offset (from -14:00 to +14:00)</source>
        <translation>{text!r}：時差 {value} 不是 UTC 時差（-14:00 至 +14:00）</translation>
    </message>
    <message>
        <source>{text!r}: {value} is not a time zone known here (e.g. Asia/Taipei, UTC)</source>
        <translation>{text!r}：{value} 不是已知的時區（例如 Asia/Taipei、UTC）</translation>
    </message>
    <message>
        <source>{text!r}: {zone} is {actual} on that date, not {typed}</source>
        <translation>{text!r}：{zone} 在該日是 {actual}，不是 {typed}</translation>
    </message>
    <message>
        <source>{text!r}: {time} does not exist in {zone} (the clocks skip it): type the offset</source>
        <translation>{text!r}：{time} 在 {zone} 不存在（時鐘跳過這段時間）：請輸入時差</translation>
    </message>
    <message>
        <source>{text!r}: {time} happens twice in {zone}: add the offset, e.g. {time} {offsets}</source>
        <translation>{text!r}：{time} 在 {zone} 出現兩次：請加上時差，例如 {time} {offsets}</translation>
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
        <translation>例如 10:20 或 2021-10-04 10:20</translation>
    </message>
    <message>
        <source>Type a time in {zone}: {examples}. A time without a date stays on the date shown; a time with Z, an offset or a zone name is read in that zone.</source>
        <translation>以 {zone} 輸入時間：{examples}。沒有日期的時間沿用顯示的日期；帶 Z、時差或時區名稱的時間以該時區解讀。</translation>
    </message>
    <message>
        <source>Date…</source>
        <translation>日期…</translation>
    </message>
    <message>
        <source>Pick the date (keeps the time)</source>
        <translation>選擇日期（保留時刻）</translation>
    </message>
    <message>
        <source>reads as {shown} = {utc}</source>
        <translation>解讀為 {shown} = {utc}</translation>
    </message>
</context>
<context>
    <name>TimeRange</name>
    <message>
        <source>Replay times</source>
        <translation>重播時間</translation>
    </message>
    <message>
        <source>blank: from the start</source>
        <translation>空白：從頭開始</translation>
    </message>
    <message>
        <source>blank: to the end</source>
        <translation>空白：直到結尾</translation>
    </message>
    <message>
        <source>The tracks run from {start} to {end}.</source>
        <translation>航跡從 {start} 到 {end}。</translation>
    </message>
    <message>
        <source>Time ({tz})</source>
        <translation>時間（{tz}）</translation>
    </message>
    <message>
        <source>In point</source>
        <translation>入點</translation>
    </message>
    <message>
        <source>Out point</source>
        <translation>出點</translation>
    </message>
    <message>
        <source>{what}: {time} is outside the tracks&apos; time</source>
        <translation>{what}：{time} 不在航跡的時間內</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>The out point is not after the in point</source>
        <translation>出點不在入點之後</translation>
    </message>
</context>
<context>
    <name>TimeZoneDialog</name>
    <message>
        <source>Time zone of the file</source>
        <translation>檔案的時區</translation>
    </message>
    <message>
        <source>In which time zone are the times of {file}?</source>
        <translation>{file} 的時間是哪個時區？</translation>
    </message>
    <message>
        <source>Pick a zone or type its IANA name, e.g. Asia/Taipei</source>
        <translation>選擇時區，或輸入其 IANA 名稱，例如 Asia/Taipei</translation>
    </message>
    <message>
        <source>{zone!r} is not a time zone known here (e.g. Asia/Taipei)</source>
        <translation>{zone!r} 不是已知的時區（例如 Asia/Taipei）</translation>
    </message>
    <message>
        <source>e.g. {example!r}, read as a time in {zone}</source>
        <translation>例如 {example!r}，以 {zone} 的時間解讀</translation>
    </message>
    <message>
        <source>{example!r} in the file is then {shown} = {utc}</source>
        <translation>檔案中的 {example!r} 即為 {shown} = {utc}</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Heads only</source>
        <translation>僅顯示目前位置</translation>
    </message>
    <message>
        <source>Whole track</source>
        <translation>完整航跡</translation>
    </message>
    <message>
        <source>Taipei</source>
        <translation>臺北</translation>
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
        <translation>首爾</translation>
    </message>
    <message>
        <source>Manila</source>
        <translation>馬尼拉</translation>
    </message>
    <message>
        <source>London</source>
        <translation>倫敦</translation>
    </message>
    <message>
        <source>New York</source>
        <translation>紐約</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本機時區</translation>
    </message>
    <message>
        <source>Tracks live over time. Click to go there; click a marker to jump to it.</source>
        <translation>各時間點的航跡數量。點一下可前往該時間；點選標記可跳至該事件。</translation>
    </message>
    <message>
        <source>No tracks loaded</source>
        <translation>尚未載入航跡</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分鐘</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 小時</translation>
    </message>
    <message>
        <source>Drag to scrub through time</source>
        <translation>拖曳以瀏覽時間</translation>
    </message>
    <message>
        <source>Replay speed: map time per real second</source>
        <translation>重播速度：每一實際秒對應的地圖時間</translation>
    </message>
    <message>
        <source>How much of each track is drawn</source>
        <translation>每條航跡要畫出多長</translation>
    </message>
    <message>
        <source>Step size for ◀ ▶ (Left/Right keys)</source>
        <translation>◀ ▶ 的步進量（Left/Right 鍵）</translation>
    </message>
    <message>
        <source>Time zone shown under UTC</source>
        <translation>顯示在 UTC 下方的時區</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Trail</source>
        <translation>尾跡</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步進</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>Play or pause the replay (Space)</source>
        <translation>播放或暫停重播（Space）</translation>
    </message>
    <message>
        <source>Step &amp;back</source>
        <translation>後退一步(&amp;B)</translation>
    </message>
    <message>
        <source>Go back one step (Left)</source>
        <translation>後退一步（Left）</translation>
    </message>
    <message>
        <source>Step &amp;forward</source>
        <translation>前進一步(&amp;F)</translation>
    </message>
    <message>
        <source>Go forward one step (Right)</source>
        <translation>前進一步（Right）</translation>
    </message>
    <message>
        <source>Jump to &amp;start</source>
        <translation>跳至開頭(&amp;S)</translation>
    </message>
    <message>
        <source>Go to the start, or the in point (Home)</source>
        <translation>前往開頭或入點（Home）</translation>
    </message>
    <message>
        <source>Jump to &amp;end</source>
        <translation>跳至結尾(&amp;E)</translation>
    </message>
    <message>
        <source>Go to the end, or the out point (End)</source>
        <translation>前往結尾或出點（End）</translation>
    </message>
    <message>
        <source>&amp;Loop</source>
        <translation>循環(&amp;L)</translation>
    </message>
    <message>
        <source>Start again from the in point after the out point (L)</source>
        <translation>到達出點後從入點重新開始（L）</translation>
    </message>
    <message>
        <source>&amp;In</source>
        <translation>入點(&amp;I)</translation>
    </message>
    <message>
        <source>Replay from the current time (I)</source>
        <translation>從目前時間開始重播（I）</translation>
    </message>
    <message>
        <source>&amp;Out</source>
        <translation>出點(&amp;O)</translation>
    </message>
    <message>
        <source>Replay up to the current time (O)</source>
        <translation>重播到目前時間為止（O）</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <source>Replay the whole time range again</source>
        <translation>重新播放整段時間範圍</translation>
    </message>
    <message>
        <source>&amp;Type times…</source>
        <translation>輸入時間(&amp;T)…</translation>
    </message>
    <message>
        <source>Type the replay time and the in and out points (Ctrl+G)</source>
        <translation>輸入重播時間與入點、出點（Ctrl+G）</translation>
    </message>
    <message>
        <source>&amp;Slower</source>
        <translation>減速(&amp;S)</translation>
    </message>
    <message>
        <source>The next slower replay speed ([)</source>
        <translation>切換到下一個較慢的重播速度（[）</translation>
    </message>
    <message>
        <source>F&amp;aster</source>
        <translation>加速(&amp;A)</translation>
    </message>
    <message>
        <source>The next faster replay speed (])</source>
        <translation>切換到下一個較快的重播速度（]）</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暫停(&amp;P)</translation>
    </message>
</context>
<context>
    <name>Timing</name>
    <message>
        <source>At ({tz})</source>
        <translation>時間（{tz}）</translation>
    </message>
    <message>
        <source>From ({tz})</source>
        <translation>從（{tz}）</translation>
    </message>
    <message>
        <source>To ({tz})</source>
        <translation>到（{tz}）</translation>
    </message>
    <message>
        <source>At</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>From</source>
        <translation>從</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>The end is not after the start</source>
        <translation>結束時間不在開始時間之後</translation>
    </message>
    <message>
        <source>Timing of {scene}</source>
        <translation>{scene} 的時間</translation>
    </message>
    <message>
        <source>A still at one time</source>
        <translation>停在某一時間</translation>
    </message>
    <message>
        <source>Play from one time to another</source>
        <translation>從某時播放到某時</translation>
    </message>
    <message>
        <source>Keep the previous scene&apos;s time</source>
        <translation>沿用前一場景的時間</translation>
    </message>
    <message>
        <source>When the annotation shows</source>
        <translation>註記的顯示時間</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>一直顯示</translation>
    </message>
    <message>
        <source>From one time to another</source>
        <translation>從某時到某時</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <source>Measuring — drag on the map, Esc to stop</source>
        <extracomment>The status-bar section while each tool is active.</extracomment>
        <translation>量測 — 在地圖上拖曳，按 Esc 結束</translation>
    </message>
    <message>
        <source>Text — click where it goes, Esc to stop</source>
        <translation>文字 — 點選要放的位置，按 Esc 結束</translation>
    </message>
    <message>
        <source>Arrow — drag from its tail to its head, Esc to stop</source>
        <translation>箭頭 — 從尾端拖曳到箭頭，按 Esc 結束</translation>
    </message>
    <message>
        <source>Circle — drag from its centre, Esc to stop</source>
        <translation>圓形 — 從圓心拖曳，按 Esc 結束</translation>
    </message>
    <message>
        <source>Polygon — click its corners, Enter to finish, Esc to stop</source>
        <translation>多邊形 — 點選各頂點，按 Enter 完成，按 Esc 結束</translation>
    </message>
    <message>
        <source>Tracing — Enter to finish, Esc to stop</source>
        <translation>描繪中 — 按 Enter 完成，按 Esc 結束</translation>
    </message>
    <message>
        <source>Editing vertices — drag a vertex, Esc to stop</source>
        <translation>編輯頂點 — 拖曳頂點，按 Esc 結束</translation>
    </message>
    <message>
        <source>Control point — the spot on the picture, then on the map; Esc to stop</source>
        <translation>控制點 — 先點圖片上的點，再點地圖上的點；按 Esc 結束</translation>
    </message>
    <message>
        <source>Measure</source>
        <extracomment>The tool&apos;s name on the map while presenting.</extracomment>
        <translation>量測</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>箭頭</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圓形</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>多邊形</translation>
    </message>
    <message>
        <source>Tracing</source>
        <translation>描繪</translation>
    </message>
    <message>
        <source>Editing vertices</source>
        <translation>編輯頂點</translation>
    </message>
    <message>
        <source>Control point</source>
        <translation>控制點</translation>
    </message>
    <message>
        <source>Map tools</source>
        <translation>地圖工具</translation>
    </message>
    <message>
        <source>&amp;Stop the tool</source>
        <translation>結束工具(&amp;S)</translation>
    </message>
    <message>
        <source>Esc: drop what is half drawn, then end the tool, then leave presenting</source>
        <translation>Esc：先捨棄畫到一半的內容，再結束工具，最後離開展示模式</translation>
    </message>
    <message>
        <source>{tool} — Esc ends it</source>
        <translation>{tool} — 按 Esc 結束</translation>
    </message>
</context>
<context>
    <name>TraceTool</name>
    <message>
        <source>{n} vertices · Enter ends · Backspace removes the last · Esc cancels</source>
        <translation>{n} 個頂點 · Enter 結束 · Backspace 移除最後一點 · Esc 取消</translation>
    </message>
</context>
<context>
    <name>TracedPanel</name>
    <message>
        <source>Fighter</source>
        <translation>戰鬥機</translation>
    </message>
    <message>
        <source>Bomber</source>
        <translation>轟炸機</translation>
    </message>
    <message>
        <source>ISR / AEW / ASW</source>
        <translation>偵察 / 預警 / 反潛</translation>
    </message>
    <message>
        <source>Drone (UAV)</source>
        <translation>無人機 (UAV)</translation>
    </message>
    <message>
        <source>Helicopter</source>
        <translation>直升機</translation>
    </message>
    <message>
        <source>Transport / tanker</source>
        <translation>運輸機 / 空中加油機</translation>
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
        <translation>描繪的航跡</translation>
    </message>
    <message>
        <source>Aircraft this path stands for: a formation of 4 is one path</source>
        <translation>這條路徑代表的架數：4 機編隊為一條路徑</translation>
    </message>
    <message>
        <source>shown on the map, e.g. J-16 ×4</source>
        <translation>顯示於地圖，例如 J-16 ×4</translation>
    </message>
    <message>
        <source>Start time and speed</source>
        <translation>起始時間與速度</translation>
    </message>
    <message>
        <source>Start and end times</source>
        <translation>起始與結束時間</translation>
    </message>
    <message>
        <source>Times at chosen vertices</source>
        <translation>指定頂點的時間</translation>
    </message>
    <message>
        <source>Vertex</source>
        <translation>頂點</translation>
    </message>
    <message>
        <source>Time (blank: interpolated)</source>
        <translation>時間（空白：內插）</translation>
    </message>
    <message>
        <source>Start ({tz})</source>
        <translation>起始（{tz}）</translation>
    </message>
    <message>
        <source>Ground speed</source>
        <translation>地速</translation>
    </message>
    <message>
        <source>End ({tz})</source>
        <translation>結束（{tz}）</translation>
    </message>
    <message>
        <source>Id / callsign shown</source>
        <translation>顯示的 ID / 呼號</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Aircraft</source>
        <translation>架數</translation>
    </message>
    <message>
        <source>Callsign (optional)</source>
        <translation>呼號（可留空）</translation>
    </message>
    <message>
        <source>Label (optional)</source>
        <translation>標籤（可留空）</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>時間設定</translation>
    </message>
    <message>
        <source>another traced track is called {id!r}</source>
        <translation>已有另一條描繪航跡名為 {id!r}</translation>
    </message>
    <message>
        <source>Vertex {n}: {reason}</source>
        <translation>頂點 {n}：{reason}</translation>
    </message>
    <message>
        <source>Trace a track</source>
        <translation>描繪航跡</translation>
    </message>
    <message>
        <source>Click vertices on the map; Enter or a double-click ends the track (T)</source>
        <translation>在地圖上點選頂點；按 Enter 或雙擊結束航跡（T）</translation>
    </message>
    <message>
        <source>Properties…</source>
        <translation>屬性…</translation>
    </message>
    <message>
        <source>Edit vertices</source>
        <translation>編輯頂點</translation>
    </message>
    <message>
        <source>Drag a vertex; Ctrl+click or double-click a leg inserts one; right-click deletes</source>
        <translation>拖曳頂點；Ctrl+點選或雙擊航段可插入頂點；按右鍵刪除</translation>
    </message>
    <message>
        <source>Duplicate…</source>
        <translation>複製…</translation>
    </message>
    <message>
        <source>The same path flown again later (another formation)</source>
        <translation>同一路徑稍後再飛一次（另一個編隊）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>航跡</translation>
    </message>
    <message>
        <source>Vertices</source>
        <translation>頂點數</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Times in {tz}; two at least (a time without a date, 10:05, is on the date of the time above it)</source>
        <translation>時間以 {tz} 表示；至少兩個（沒有日期的時間，如 10:05，沿用上一列時間的日期）</translation>
    </message>
    <message>
        <source>End</source>
        <translation>結束</translation>
    </message>
    <message>
        <source>Speed (kt)</source>
        <translation>速度（節）</translation>
    </message>
    <message>
        <source>Written into every saved file: where the tracks come from</source>
        <translation>寫入每個儲存的檔案：說明航跡的來源</translation>
    </message>
    <message>
        <source>The zone times are typed and shown in (stored in UTC)</source>
        <translation>輸入與顯示時間所用的時區（以 UTC 儲存）</translation>
    </message>
    <message>
        <source>Save as CSV / GeoJSON…</source>
        <translation>另存為 CSV / GeoJSON…</translation>
    </message>
    <message>
        <source>Open for editing…</source>
        <translation>開啟以編輯…</translation>
    </message>
    <message>
        <source>Reported daily counts…</source>
        <translation>公布的每日架次…</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>時區</translation>
    </message>
    <message>
        <source>Check the timing: this speed is not an aircraft&apos;s</source>
        <translation>請檢查時間設定：飛機不會是這個速度</translation>
    </message>
    <message>
        <source>Duplicate track</source>
        <translation>複製航跡</translation>
    </message>
    <message>
        <source>Fly the same path how many minutes later?</source>
        <translation>同一路徑要晚幾分鐘再飛？</translation>
    </message>
</context>
<context>
    <name>TrackFiles</name>
    <message>
        <source>Open track files</source>
        <translation>開啟航跡檔</translation>
    </message>
    <message>
        <source>Track files ({patterns});;All files (*)</source>
        <translation>航跡檔 ({patterns});;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Loaded {file}: {tracks} tracks, {fixes} fixes ({skipped} rows skipped, {warnings} warnings: File &gt; Import reports)</source>
        <translation>已載入 {file}：{tracks} 條航跡、{fixes} 個定位點（略過 {skipped} 列，{warnings} 個警告：見「檔案 &gt; 匯入報告」）</translation>
    </message>
    <message>
        <source>Loaded {file}: {tracks} tracks, {fixes} fixes</source>
        <translation>已載入 {file}：{tracks} 條航跡、{fixes} 個定位點</translation>
    </message>
    <message>
        <source>Cannot open track file</source>
        <translation>無法開啟航跡檔</translation>
    </message>
    <message>
        <source>Loading {file} cancelled</source>
        <translation>已取消載入 {file}</translation>
    </message>
    <message>
        <source>{name} does not say which unit some columns are in. Check the highlighted units (the guesses are pre-selected), then load.</source>
        <translation>{name} 未註明部分欄位的單位。請確認標示出的單位（已預選推測值），再載入。</translation>
    </message>
    <message>
        <source>Loading {name} cancelled: its units were not confirmed</source>
        <translation>已取消載入 {name}：單位未經確認</translation>
    </message>
    <message>
        <source>No track file loaded yet</source>
        <translation>尚未載入任何航跡檔</translation>
    </message>
</context>
<context>
    <name>TrackLoader</name>
    <message>
        <source>{file}: could not be read ({error})</source>
        <translation>{file}：無法讀取（{error}）</translation>
    </message>
</context>
<context>
    <name>TrackPainter</name>
    <message>
        <source>fighter</source>
        <translation>戰鬥機</translation>
    </message>
    <message>
        <source>bomber</source>
        <translation>轟炸機</translation>
    </message>
    <message>
        <source>ISR / AEW / ASW</source>
        <translation>偵察 / 預警 / 反潛</translation>
    </message>
    <message>
        <source>UAV</source>
        <translation>無人機</translation>
    </message>
    <message>
        <source>helicopter</source>
        <translation>直升機</translation>
    </message>
    <message>
        <source>transport / tanker</source>
        <translation>運輸機 / 空中加油機</translation>
    </message>
    <message>
        <source>ship / coast guard</source>
        <translation>艦船 / 海巡</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source> (no data)</source>
        <translation>（無資料）</translation>
    </message>
    <message>
        <source> (stale)</source>
        <translation>（逾時未更新）</translation>
    </message>
</context>
<context>
    <name>Underlay</name>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}：找不到檔案</translation>
    </message>
    <message>
        <source>{path}: the picture is {w}×{h} pixels; scale it below 80 megapixels</source>
        <translation>{path}：圖片為 {w}×{h} 像素；請縮小到 8000 萬像素以下</translation>
    </message>
    <message>
        <source>{path}: not a picture Qt can read ({reason})</source>
        <translation>{path}：不是 Qt 能讀取的圖片（{reason}）</translation>
    </message>
    <message>
        <source>Click a spot you can also find on the map; wheel: zoom; right-drag: pan</source>
        <translation>點選在地圖上也找得到的位置；滾輪：縮放；右鍵拖曳：平移</translation>
    </message>
    <message>
        <source>Add a picture (PNG or JPEG)</source>
        <translation>加入圖片（PNG 或 JPEG）</translation>
    </message>
</context>
</TS>
