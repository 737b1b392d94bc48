-- CreateIndex
CREATE INDEX "Question_askerUnitId_createdAt_idx" ON "Question"("askerUnitId", "createdAt");
