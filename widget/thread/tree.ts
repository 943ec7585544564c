// The tree is built the same way on the server (the iframe's first paint): one copy, in the contract.
export { buildTree, type CommentNode } from '../../contract/thread-tree.ts';
