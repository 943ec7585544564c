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
};
