import type { Translation } from '../format.ts';
import type { en } from './en.ts';

// WordPress's Japanese (ja): 「コメントを残す」「コメントを送信」「コメントをキャンセル」.
export const ja: Translation<typeof en> = {
  'frame.title': 'コメント',
  unavailable: 'コメントは利用できません。',
  'count.none': 'まだコメントはありません',
  'count.some': { other: '{count} 件のコメント' },
  'count.heading': 'コメント',
  'time.justNow': 'たった今',

  'comment.deleted': 'このコメントは削除されました。',
  'comment.inReplyTo': '{name} への返信',
  'comment.edited': '(編集済み)',
  'comment.awaiting': 'コメントは承認待ちです。',
  'comment.reply': '返信',
  'comment.replyTo': '{name} に返信する',
  'comment.edit': '編集',
  'comment.editYours': 'コメントを編集',
  'comment.delete': '削除',
  'comment.deleteYours': 'コメントを削除',
  'edit.label': 'あなたのコメント',
  'edit.save': '保存',
  'edit.saving': '保存しています…',
  'edit.cancel': 'キャンセル',
  'delete.confirm': 'このコメントを削除しますか？',
  'delete.deleting': '削除しています…',
  'delete.keep': '残す',

  'form.leave': 'コメントを残す',
  'form.replyTo': '{name} に返信する',
  'form.cancelReply': 'コメントをキャンセル',
  'form.comment': 'コメント',
  'form.placeholder': 'コメントを書く…',
  'form.details': '以下に詳細を記入してください',
  'form.detailsOrLogIn': '以下に詳細を記入するか、アイコンをクリックしてログインしてください。',
  'form.email': 'メールアドレス',
  'form.emailHint': 'アドレスは公開されません',
  'form.name': '名前',
  'form.website': 'サイト',
  'form.remember':
    '次回のコメントで使用するためブラウザーに自分の名前、メールアドレス、サイトを保存する。',
  'form.honeypot': 'この欄は空のままにしてください',
  'form.post': 'コメントを送信',
  'form.posting': '送信しています…',
  'form.akismet': 'このサイトはスパムを低減するために Akismet を使っています。',
  'form.privacy': 'コメントデータの処理方法の詳細はこちら',

  'field.check': 'この欄を確認してください。',
  'field.body.missing': 'コメントを書いてください。',
  'field.body.tooLong': {
    other: 'コメントが {count} 文字を超えています。内容はここに残っています。短くしてください。',
  },
  'field.name.missing': '名前を入力してください。',
  'field.name.invalid': 'もっと短い名前を入力してください。',
  'field.email.missing': 'メールアドレスを入力してください。公開されることはありません。',
  'field.email.invalid': 'name@example.com のような有効なメールアドレスを入力してください。',
  'field.website.invalid': 'example.com のようなウェブアドレスを入力するか、空欄にしてください。',
  'form.problems': { other: '{count} 件の項目を確認してください。' },
  'form.left': { other: '残り {count} 文字' },
  'form.over': { other: '{count} 文字オーバー' },
  'form.posted': 'コメントを投稿しました。',
  'form.held': 'コメントは承認待ちです。モデレーターが承認すると表示されます。',

  'error.signedOut':
    'ログインの有効期限が切れました。コメントはここに残っています。もう一度ログインするか、詳細を記入してゲストとして投稿してください。',
  'error.server':
    'コメントサーバーで問題が発生しました。コメントはここに残っています。もう一度お試しください。',
  'error.network':
    'コメントサーバーに接続できませんでした。コメントはここに残っています。もう一度お試しください。',
  'error.originNotAllowed': 'このページからはコメントを投稿できません。',
  'error.parentNotFound': '返信先のコメントはもうありません。',
  'error.unknownSite': 'このサイトではコメントを利用できません。',
  'error.notAuthor': 'このコメントを変更できるのは投稿者だけです。',
  'error.commentNotFound': 'このコメントはもうありません。',
  'error.tooLarge': 'コメントが長すぎます。短くしてから、もう一度お試しください。',
  'error.rateLimited': '投稿の間隔が短すぎます。少し待ってから、もう一度お試しください。',
  'error.rateLimitedFor': {
    other: '投稿の間隔が短すぎます。{count} 秒待ってから、もう一度お試しください。',
  },
  'error.duplicate': 'このコメントはすでに投稿されています。',
  'error.banned': 'このサイトではコメントできません。',
  'error.spam': 'コメントはスパムとして拒否されました。',
  'error.editWindowClosed': 'このコメントを変更できる時間は終了しました。',
  'error.empty': '何か書いてください。',

  'signIn.connecting': '{provider} に接続しています…',
  'signIn.cancel': 'キャンセル',
  'signIn.logInWith': '{provider} でログイン',
  'signIn.as': '{provider} アカウントを使用してコメントしています。',
  'signIn.logOut': 'ログアウト',
  'signIn.change': '変更',
  'signIn.ended':
    'ログインが終了しました。アカウントでコメントするには、もう一度ログインしてください。',
  'signIn.popupBlocked':
    'ブラウザーがログインウィンドウをブロックしました。このサイトのポップアップを許可してから、もう一度お試しください。',
  'signIn.cancelled': 'ログインをキャンセルしました。',
  'signIn.wasCancelled': 'ログインはキャンセルされました。',
  'signIn.cancelledWith': '{provider} でのログインをキャンセルしました。',
  'signIn.tooLong': 'ログインに時間がかかりすぎました。もう一度お試しください。',
  'signIn.tooMany': 'ログインの試行回数が多すぎます。1分ほど待ってから、もう一度お試しください。',
  'signIn.network': 'コメントサーバーに接続できませんでした。もう一度お試しください。',
  'signIn.unavailable': 'ここでは {provider} でログインできません。',
  'signIn.failed': 'ログインできませんでした。もう一度試すか、ゲストとしてコメントしてください。',
  'signIn.failedWith':
    '{provider} でログインできませんでした。もう一度試すか、ゲストとしてコメントしてください。',
  'form.notifyReplies': '新しい返信をメールで通知する',
  'form.notifyPage': 'この投稿への新しいコメントを通知する',
  'form.notify.confirmEmail':
    '確認のためメールをご覧ください。リンクをお送りしました。リンクを使うまで、ほかのメールは送信されません。',
  'form.notify.subscribed':
    '新しい動きがあるとメールでお知らせします。各メールに配信停止のリンクがあります。',
  'form.notify.unavailable':
    'ログインに使ったサービスからメールアドレスが提供されていないため、通知できません。',
};
