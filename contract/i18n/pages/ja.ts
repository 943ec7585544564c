import type { Translation } from '../format.ts';
import type { en } from './en.ts';

export const ja: Translation<typeof en> = {
  'signIn.ok.title': 'ログインしました',
  'signIn.ok.message': 'ログインしました。このウィンドウは閉じてかまいません。',
  'signIn.denied.title': 'ログインをキャンセルしました',
  'signIn.denied.message':
    'ログインはキャンセルされました。このウィンドウを閉じて、ゲストとしてコメントできます。',
  'signIn.failed.title': 'ログインに失敗しました',
  'signIn.failed.message':
    'ログインできませんでした。このウィンドウを閉じて、もう一度お試しください。',
  'signIn.bind.title': '{provider} でログイン',
  'signIn.bind.connecting': '{provider} に接続しています…',
  'signIn.bind.failed':
    'ログインを開始できませんでした。このウィンドウを閉じて、もう一度お試しください。',
  'signIn.notFromForm':
    'このログインリンクは、コメントフォームが開いたウィンドウでのみ使えます。このウィンドウを閉じて、コメントフォームからログインしてください。',
  'signIn.otherWindow':
    'このログインはこのウィンドウでは完了できません。コメントフォームからもう一度始めてください。',
  'signIn.error.message':
    'サーバー側で問題が発生しました。このウィンドウを閉じて、もう一度お試しください。',
  'signIn.unavailable.title': 'ログインできません',
  'signIn.unavailable.message': 'このサービスでのログインは利用できません。',
  'signIn.invalid.title': 'ログインリンクが無効です',
  'signIn.invalid.message':
    'このログインリンクは無効です。コメントフォームからもう一度ログインしてください。',
  'signIn.expired.title': 'ログインの有効期限が切れました',
  'signIn.expired.message':
    'ログインに時間がかかりすぎました。このウィンドウを閉じて、もう一度お試しください。',
  'signIn.used.title': 'ログインは完了しています',
  'signIn.used.message': 'このログインはすでに完了しています。このウィンドウは閉じてかまいません。',
  'signIn.forbidden.title': 'コメントフォームから始めてください',
  'signIn.tooMany.title': '試行回数が多すぎます',
  'signIn.tooMany.message': '試行回数が多すぎます。1分ほど待ってから、もう一度お試しください。',
  'signIn.notFound.title': '見つかりません',
  'signIn.notFound.message': 'このアドレスには何もありません。',
  'deletion.title': 'データの削除',
  'deletion.done': 'あなたのデータは {date} に削除されました。',
  'deletion.anonymised': { other: '{count} 件のコメントを匿名化しました。' },
  'deletion.code': '確認コード: {code}',
  'deletion.notFound': 'このコードに該当するデータ削除リクエストはありません。',
  'email.subject': '[{site}]「{page}」へのコメントが承認待ちです',
  'email.wrote': '{author} さんが「{page}」に書いたコメントが承認待ちです。',
  'email.anonymous': '匿名',
  'email.whyHeld': '保留された理由:',
  'email.noReason': '理由の記録なし',
  'email.approve': '承認',
  'email.spam': 'スパム',
  'email.trash': 'ゴミ箱へ移動',
  'email.allWaiting': '{site} の承認待ちコメント一覧',
  'email.signInNote':
    'リンクは Parley のダッシュボードを開きます。{site} のモデレーターとしてログインしてください。',
  'email.why': '{site} のモデレーターのため、このメールをお送りしています。',
  // Reply notifications (server/subscriptions/).
  'notify.confirm.subject': '[{site}] メール通知の確認',
  'notify.confirm.intro':
    'どなたか（おそらくあなた）が、次の内容をこのアドレスにメールで知らせるよう {site} に依頼しました:',
  'notify.confirm.replies': '「{page}」のあなたのコメントへの新しい返信',
  'notify.confirm.page': '「{page}」への新しいコメント',
  'notify.confirm.action': '確認する',
  'notify.confirm.expires': {
    other: 'このリンクの有効期限は {count} 日です。',
  },
  'notify.confirm.ignore':
    '心当たりがない場合は、このメールを無視してください。これ以上メールは送信されません。',
  'notify.reply.subject': '[{site}] {author} さんが「{page}」のあなたのコメントに返信しました',
  'notify.reply.wrote': '{author} さんが「{page}」のあなたのコメントに返信しました:',
  'notify.comment.subject': '[{site}]「{page}」に {author} さんの新しいコメント',
  'notify.comment.wrote': '{author} さんが「{page}」にコメントしました:',
  'notify.view': 'ページで見る',
  'notify.why.replies':
    'あなたのコメントへの返信を知らせるよう {site} に依頼されたため、このメールをお送りしています。',
  'notify.why.page':
    '「{page}」への新しいコメントを知らせるよう {site} に依頼されたため、このメールをお送りしています。',
  'notify.unsubscribe': '配信停止',
  'notify.page.confirm.title': 'メール通知の確認',
  'notify.page.confirm.question': '次の内容について {site} からメールを受け取りますか:',
  'notify.page.confirm.button': 'はい、受け取ります',
  'notify.page.confirmed.title': '通知がオンになりました',
  'notify.page.confirmed.message':
    '完了しました。各メールには、ワンクリックで配信を停止できるリンクが含まれています。',
  'notify.page.unsubscribe.title': '配信停止',
  'notify.page.unsubscribe.question': '{site} から届く次のメールを停止します:',
  'notify.page.unsubscribe.button': '配信を停止する',
  'notify.page.unsubscribed.title': '配信を停止しました',
  'notify.page.unsubscribed.message': 'これらのメールは今後届きません。',
  'notify.page.invalid.title': 'リンクが無効です',
  'notify.page.invalid.message':
    'このリンクは無効か、すでに使えなくなっています。すでに配信を停止している可能性があります。',
  'notify.page.expired.title': 'リンクの有効期限切れ',
  'notify.page.expired.message':
    'このリンクは有効期限が切れています。次にコメントするときに、もう一度チェックを入れてください。',
  // A guest's data by emailed link (server/privacy/guest-data.*).
  'data.email.subject': '[{site}] {site} にあるあなたのデータ',
  'data.email.asked':
    '「{site}」のコメントに {email} について何が保存されているか、どなたか(おそらくご本人)から問い合わせがありました。',
  'data.email.open': 'このリンクを開くと、ダウンロードまたは削除ができます:',
  'data.email.once': {
    other:
      'このリンクは {count} 分以内に一度だけ、「{site}」に限って使えます(新しく依頼すると置き換わります)。同じコメントサーバーを使う他のサイトはそれぞれのデータを持ち、別の依頼が必要です。',
  },
  'data.email.ignore':
    '心当たりがなければ、このメールは無視してください。リンクを開かない限り何も起こりません。転送しないでください。最初にリンクを開いた人が、これらのコメントを見たり削除したりできます。',
  'data.title': '{site} にあるあなたのデータ',
  'data.perSite':
    '対象は「{site}」だけです。同じコメントサーバーを使う他のサイトはそれぞれのデータを持ち、サイトごとに依頼が必要です。',
  'data.link.intro':
    '続行すると、「{site}」があなたのメールアドレスについて保存している内容を確認し、ダウンロードまたは削除できます。',
  'data.link.continue': '続行',
  'data.summary': {
    other: '「{site}」には {email} で書かれたコメントが {count} 件あります。',
  },
  'data.download': '自分のデータをダウンロード(JSON)',
  'data.delete.legend': '{site} にある自分のデータを削除',
  'data.delete.what':
    'このアドレスで書かれたすべてのコメントから、名前、メールアドレス、ウェブサイト、画像、IP アドレス、ブラウザーの情報が消去されます。',
  'data.delete.choose': 'コメントをどうするか選んでください:',
  'data.delete.policy': 'コメントの扱いはこのサイトの方針で決まっています:',
  'data.delete.anonymise': '削除して、コメントは名前なしで残す',
  'data.delete.remove': '削除して、コメントも消す',
  'data.delete.placeholder':
    '返信のあるコメントは、返信の位置を保つため「削除済み」の表示として残ります。',
  'data.retention': {
    other:
      'いずれにしても、IP アドレスとブラウザーの情報は {count} 日後にすべてのコメントから消去されます。',
  },
  'data.session': {
    other: 'このページは {count} 分間有効です。',
  },
  'data.deleted.title': '{site} にあるあなたのデータを削除しました',
  'data.deleted.kept': {
    other:
      '「{site}」のコメント {count} 件を名前なしで残しました。あなたのアドレスに関するものは何も残っていません。',
  },
  'data.deleted.removed': {
    other:
      '「{site}」からコメント {count} 件を消しました。あなたのアドレスに関するものは何も残っていません。',
  },
  'data.error.title': 'このリンクは使えません',
  'data.error.linkInvalid':
    'このリンクは使えません。有効期限が切れたか、使用済みか、別のサイトのものです。サイトのコメント欄から新しいリンクを依頼してください。',
  'data.error.expired':
    'このページの有効期限が切れました。サイトのコメント欄から新しいリンクを依頼してください。',
  'data.error.unknownSite': 'このアドレスにサイトはありません。メールのリンクを確認してください。',
  'data.error.origin': 'このページのフォームを使ってください。',
  'data.error.invalid':
    'フォームが正しく送信されませんでした。前のページに戻ってやり直してください。',
  'data.error.policy':
    'このサイトではその選択はできません。前のページに戻り、いずれかのボタンを使ってください。',
  'data.error.other':
    'このページは表示できません。サイトのコメント欄から新しいリンクを依頼してください。',
  'data.error.busyTitle': '試行回数が多すぎます',
  'data.error.rateLimited': { other: '{count} 秒待ってから、もう一度お試しください。' },
  'data.error.serverTitle': '問題が発生しました',
  'data.error.server': 'サーバー側で問題が発生しました。数分後にもう一度お試しください。',
};
