-- Import map (issue 17): source row → row here, so reruns of an import update instead of
-- duplicating and an interrupted import resumes. `data` keeps source values without a place here.
CREATE TABLE "import_map" (
    "source" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "data" JSONB,
    "imported_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "import_map_pkey" PRIMARY KEY ("source", "entity", "source_id")
);
CREATE INDEX "import_map_source_entity_target_id_idx" ON "import_map"("source", "entity", "target_id");
