-- The remote signing service (a name in THIDUA_REMOTE_CONFIG's file) a signer's account uses, or ''.
ALTER TABLE accounts ADD COLUMN remote_service TEXT NOT NULL DEFAULT ''
