-- CreateTable
CREATE TABLE "WebTranscript" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "box" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "WebTranscript_box_id_idx" ON "WebTranscript"("box", "id");

-- CreateIndex
CREATE INDEX "WebTranscript_expiresAt_idx" ON "WebTranscript"("expiresAt");
