"""Remote signing: the key stays with a trust-service provider, the signer approves on a phone.

A provider is an adapter behind one interface (`session.RemoteSession`): it yields a pyHanko signer bound to its own
event loop, which signs one document or a whole batch of documents with one authorization."""
