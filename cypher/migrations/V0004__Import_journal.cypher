// The import journal: one ImportJob per distinct input, so an interrupted import resumes where it stopped.
CREATE CONSTRAINT import_job_id_unique IF NOT EXISTS FOR (j:ImportJob) REQUIRE j.id IS UNIQUE;
