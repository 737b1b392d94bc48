-- DropIndex
DROP INDEX "Question_askerKey_idx";

-- CreateIndex
CREATE INDEX "Question_askerKey_status_idx" ON "Question"("askerKey", "status");
