-- CreateTable
CREATE TABLE "WebTranscript" (
    "id" SERIAL NOT NULL,
    "box" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebTranscript_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebTranscript_box_id_idx" ON "WebTranscript"("box", "id");

-- CreateIndex
CREATE INDEX "WebTranscript_expiresAt_idx" ON "WebTranscript"("expiresAt");
