-- The whole text of a mail-born message before the reply was cut out of it: staff can always
-- unfold the quoted text. Older rows stay NULL (their raw .eml is still downloadable).
ALTER TABLE "messages" ADD COLUMN "full_text" TEXT;
