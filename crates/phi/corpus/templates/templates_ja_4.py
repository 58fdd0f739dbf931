# Japanese templates, part 4: 長文 — SOAP、申し送り、表、箇条書き、症例報告、引用返信.
TEMPLATES = [
"""症例相談です（一部改変しています）。

S：{jpt}、{jage}の{jsex}。3日前から混乱、食事量低下。{jrel}によると{jday:incident}に転倒。
O：{jlabs}。{jscore}。{jsign}陰性。
A：せん妄、多因子？UTI？{jeponym}？薬剤性（{jdrug}）？
P：{jdrug}中止、補液、{jreltime}に再採血。{jstaff}と相談。

頭部CT撮りますか？うちの{jguide}だと抗凝固薬内服時のみ。""",

"""昨夜の申し送りメモ（書式ぐちゃぐちゃですみません）

・{jroom}：{jpt}　{jage2}　{jeponym}　明日{jproc}のため絶食　点滴{jdrug}
・家族：{jrel}　{jphone:relative}　変化あれば連絡希望
・バイタル：{jlab}、{jscore}
・残り：{jtime}採血、CT結果確認

申し送りシートに家族の電話番号まで書くのってうちだけ？""",

"""| 項目 | 内容 |
|---|---|
| 氏名 | {jpt} |
| 生年月日 | {jdate:birth} |
| ID | {jidv:karte} |
| 入院日 | {jdate:admission} |
| 病名 | {jeponym} |
| 内服 | {jdose}、{jdrug#2} |

新しい電子カルテが朝のハドル用に吐き出す表です。{jstaff}がこれをTeamsに貼れと言う。絶対やめた方がいいですよね？""",

"""長文失礼します。退院調整の愚痴です。

{jpt}（{jage}の{jsex}）は{jday:admission}、自宅で倒れているところを発見されて入院。{jreltime}から医学的には退院可能。でも
1. ヘルパー事業所が来月まで入れない
2. {jrel}は{jplace}在住で来られない
3. {jfac:care}は{jeponym}を理由に受け入れ拒否

結果、病院のベッドで廃用が進むだけ。{jscore}。何か良い方法ありますか？{jsignoff}""",

"""＞{jpt}は{jday:admission}にNSTEMIで入院、{jdrug}を拒否している

自分の申し送りを引用して相談です。{jage}で、リスクは理解しており「ぽっくり逝きたい」と。{jrel}は大反対。{jstaff}が意思決定能力を評価：能力あり。{jguide}に沿って記録済み。これで良かったのか。""",

"""M&M用の症例まとめ（匿名化したつもり）

経過：{jfac:care}から{jage}の{jsex}、2日間の嘔吐、{jsign}。
既往：{jeponym}、心房細動で{jdrug}内服、{jeponym#2}。
経過：{jwhen:admission}入院。CTで腸閉塞。{jwhen:procedure}{jproc}。術後せん妄、{jscore}。{jday:death}、{jrel}に見守られて永眠。
学び：もっと早く上級医へ。{jcite}はフレイル評価で治療方針の話し合いを入院時から、と。""",

"""訪問看護SOAP
S：「大丈夫よ」と本人。{jrel}によると{jreltime}から息切れが強く、椅子で寝ている。
O：{jage2}。{jlabs}。両下肺ラ音、下腿浮腫。{jscore}。
A：心不全増悪、背景に{jeponym}。住所{jaddr}、独居。
P：{jdose}へ増量、毎日体重測定。次回{jday:appointment}。悪化時は{jhotline}。
{jstaff}と確認済み。""",

"""今夜気になっている3人（イニシャルで…一部は）

| ベッド | 患者 | 問題 | 方針 |
|---|---|---|---|
| {jroom} | {jpt} | {jlab} | {jtime}に再検 |
| {jroom#2} | {jpseudo} | {jeponym} | 朝に評価 |
| {jroom#3} | {jpseudo#2} | {jscore} | 悪化時コール |

1人目、考えすぎ？{jage2}、{jdrug}内服中。""",

"""今日届いた紹介状（個人情報は紹介元が書いたもので、私じゃないです）：

「{jpt}、生年月日{jdate:birth}、{jid:any}、住所{jaddr}。{jeponym}増悪の{jage}の{jsex}をご高診ください。内服：{jdose}。」

こんなに個人情報が入った紹介状を*暗号化なしのメール*で送ってくるの普通？{jfac:clinic}から。{jstaff}は報告しろと。""",

"""薬剤部　週末の申し送り
・{jpt}（{jid:karte}）：{jdose}を{jwhen:start}開始、血中濃度は{jreltime}。前回{jlab}。
・{jdrug#2}との相互作用アラートあり、処方医（{jstaff}）了承済み。
・{jrel}から{jdrug#3}中止の相談→チームと相談を、と回答。
・{jguide}は{jpubdate}の関係で更新あり。""",

"""長文の愚痴です😩

3夜連続で{jroom}の{jpt}。{jage}、{jeponym}、毎晩{jtime}になると夕暮れ症候群。昨夜は柵を乗り越えてエレベーターの前で「{jfac:care}に帰らなきゃ」と（実際{jday:admission}にそこから入院）。

試したこと：照明、ラジオ、{jrel}とビデオ通話、見守り（人がいない）、{jdrug}頓用（悪化）。

何が効きますか？「人を増やせ」以外で…""",

"""**インシデント報告（下書き。言い回しの相談です）**

発生日：{jdate:incident}
患者：{jpt}、{jage2}
場所：{jroom}
内容：{jpseudo}用の{jdose}を投与。{jtime}に看護師が発見。影響なし、{jlab}をモニター。
対応：{jrel}へ説明（連絡先{jphone:relative}）。

モニターが必要だった場合も「影響なし」でいい？{jguide}があいまい。""",

"""学生向け勉強会で使う退院サマリー（チェック中）

患者：{jpt}
年齢：{jage}
入院：{jdate:admission}　退院：{jdate:discharge}
診断：{jeponym}、AKI（{jlab}）
フォロー：2週間後に{jfac:clinic}
退院時処方：{jdose}、{jdrug#2}中止

学生さん、間違いを3つ探してください（1つは私がここに載せていること。半分架空です）。""",

"""変わった主訴スレ。私のはこれ：

{jage}の{jsex}、{jday:admission}に{jrel}が「急に方言が変わった」と連れてきた。昔住んでいた{jplace}の言葉らしい。{jscore}、{jlab}、局所症状なし。診断は{jeponym}？それとも寂しさ？

皆さんのも教えて{jsignoff}""",

"""・誰：{jpt}、{jage2}
・どこ：{jfac:care}
・いつ：{jwhen:incident}
・何：前腕に約6cmの表皮剥離
・なぜ：2人介助のところを1人で移乗（{jscale}では2人）
・今後：{jstaff}が移乗手順を見直し、{jrel}へ説明済み

{jplace}だと行政への報告対象になる？{jhotline}は不要でした。""",

"""ICU回診メモ（うちの書式。皆さんのも知りたい）

{jpt}｜{jreltime}｜{jeponym}
A：挿管中
B：FiO2 0.4、PEEP 8、{jlab}
C：ノルアドレナリン 0.1γ、{jlab#2}
D：RASS -2、プロポフォール持続
E：解熱、{jlabs}
F：{jrel}（{jphone:relative}）に毎日連絡
G：CV {jwhen:procedure}挿入

追加した方がいい項目ある？{jhandle}""",

"""ずっとROM専でした。訪問看護師です。{jpt}の話をさせてください。

{jage}で、{jaddr}で犬と暮らしていた方。{jeponym}と{jeponym#2}があったけど、冗談ばかりで訪問が楽しみだった。{jday:death}に亡くなりました。{jrel}からお礼の電話をもらった。

質問はありません。誰かに知ってほしかっただけ。🙏""",

"""転院時の看護サマリー、文面チェックお願いします：

「{jpt}は{jproc}目的で{jfac:hosp}へ転院となります。{jday:admission}から当院入院中。既往{jeponym}、{jlabs}。{jrel}は了承済み、連絡先{jphone:relative}。難聴が強く、補聴器（{jid:any}）は私物袋に入っています。」

書きすぎ？足りない？""",

"""教育用症例（指導医の許可あり）

{jageu}が{jsign}で受診。{jlabs}。鑑別は{jeponym}、{jeponym#2}、悪性腫瘍。
比較：{jday:visit}に診た{jpt}は{jage}の{jsex}で同じ所見だが{jlab}。
両者を区別する検査は？（{jcite}）""",

"""医学生、OSCE練習。医療面接の記録です。添削お願いします。

主訴：3日前からの息切れ
現病歴：{jage}の{jsex}、労作時増悪、起座呼吸
既往：{jeponym}、高血圧
内服：{jdose}、{jdrug#2}
社会歴：{jaddr}在住、自立、{jrel}が週1で来る
名前：{jpt}（練習記録に実名っていいの？先生はダメと）""",

"""老年科の皆さんにアンケート。どうします？

{jpt}、{jage}、{jeponym}、{jscore}。{jday:admission}に今年4回目の転倒で入院。{jdrug}、{jdrug#2}、{jdrug#3}内服。{jrel}は「できることは全部」。

a) 精査
b) 減薬して自宅へ
c) ACPの話し合い
d) 全部（でも時間がない）""",

"""救急活動記録の抜粋（記録の書き方を後輩に教えるため）

傷病者：{jpt}
年齢：{jage}
住所：{jaddr}
家族：{jrel}、{jphone:relative}
既往：{jeponym}、{jdrug}内服
観察：{jlabs}
処置：{jdose}

足りない項目は？（答え：発症時刻。あと私はもっと伏せるべきでした）""",

"""7時の申し送り（口頭→文章）

{jroom}：{jpt}、{jage2}。{jwhen:admission}入院、{jeponym}。夜間{jtime}に{jlab}、{jdose}投与。家族：{jrel}が10時に面会予定。DNARは{jstaff}が確認済み。
{jroom#2}：{jpseudo}、安定。
{jroom#3}：{jpseudo#2}、本日{jproc}。

あとは平和でした。コーヒー。""",

"""薬剤師さんに相談です。

{jpt}の持参薬の袋の中身：{jdrug}、{jplace}で処方された{jdrug#2}、それと{jrel}名義の一包化（生年月日{jdate:birth#2}）。「同じ薬だから」と{jspouse}の薬を飲んでいたそう。

同じじゃないです。{jstaff}が持参薬確認中。{jagecat}では珍しくない？{jcite}。""",

"""症例報告の下書き（投稿前に匿名化します）

題：{jage}の{jsex}に発症し{jeponym#2}様を呈した{jeponym}の一例

{jpt}は{jday:admission}に{jsign}を主訴に{jfac:hosp}へ入院。{jlabs}。{jday:procedure}の生検で確定。{jdose}で加療し{jwhen:discharge}退院。

考察：類似例は{jcite}のみ。投稿先は日本老年医学会雑誌？""",

"""転倒リスク表を作りました（例を1行入れています）

| 入居者 | 年齢 | 転倒（90日） | 内服 | 介護度 |
|---|---|---|---|---|
| {jpt} | {jage} | 3 | {jdrug}、{jdrug#2} | {jcare} |
| {jpseudo} | {jageu} | 1 | {jdrug#3} | 要介護2 |

{jstaff}からは「履物の列を足して」とフィードバック。""",

"""病棟の同僚の代理投稿です：

「{jday:admission}から入院中の{jpt}（{jage}）が、昔からの友人の{jother:role}に連絡してほしいと何度も言います。本人は意思決定能力あり。{jrel}は『やめて』と。どうするべき？」

よろしくお願いしますとのこと。{jsignoff}""",

"""夜勤ログ（眠いので誤字許して）

{jtime}　{jpt}ルート自己抜去3本目
{jtime#2}　{jpt2}が{jrel}を呼ぶ→{jphone:relative}に電話、出ず
4:00　{jlab}、{jdose}
5:30　入眠、{jscore}

質問じゃないです。どこかに書きたかった。""",

"""ホワイトボードにフルネームを書く病棟って他にもあります？

うちは「{jpt}　{jage2}　{jeponym}　{jfac:care}から」と廊下側にでかでかと。面会者から丸見え。{jstaff}は安全のためと言うけど、{jguide}的には最小限では？""",

"""### 週1の多職種カンファ　{jroom}

**患者：** {jpt}（{jage2}）
**問題：** {jeponym}、{jlab}、移動（{jscore}）
**社会：** {jaddr}在住、主介護者は{jrel}
**方針：** {jfac:care}でリハ、{jreltime}に再評価

> 「猫と一緒じゃなきゃどこにも行かない」— {jrel2}

ペット可の施設ってあります？""",

"""真剣に相談です。田舎の調剤薬局。

{jpt}（{jage}）は毎日一包化を取りに来る。今日、ネットで知り合った「友達」が銀行のことを手伝ってくれてると。その人とは{jother:line}で一日中やりとりしているらしい。連絡先も{jemail:patient}に変えてと言われた。

詐欺だと思う。どこに連絡？地域包括？{jhotline}？""",

"""振り返り（チーム内の学習用）

1. {jpt}、{jday:admission}に{jeponym}で入院
2. {jwhen:procedure}{jproc}、{jsign}を合併
3. {jwhen:transfer}ICUへ。{jscore}
4. {jrel}と{jstaff}で家族面談
5. 緩和ケアへ移行、{jwhen:death}永眠

良かった点：コミュニケーション。課題：{jdrug}を{jguide}より3日長く継続。""",

"""記録の書き方の質問、今日の外来から例：

「{jpt}（{jid:any}）、{jrel}同伴で来院。{jlab}。{jsign}あり。方針：{jdose}、{jday:appointment}に{jfac:clinic}で再診。」

監査で「紹介状に家族の名前は不要」と言われた。{jstaff}は反対。皆さんの病院のルールは？""",
]
