-- A course of 5 sections x 4 units x 3 levels (60 levels) for bench/courses.sh and bench/soak.sh, and the learners
-- enrolled in it with the first 20 levels done and the 21st in progress.
-- psql -v slug=bench-5x4x3 -v users="'<uuid>','<uuid>'" -f bench/course-seed.sql on a migrated database.
\set ON_ERROR_STOP on
insert into course_templates (id, slug, version, target_language, theme, cefr_level, interests, created_at)
  values (gen_random_uuid(), :'slug', 1, 'Kazakh', 'Benchmark course', 'A1', '["Travel"]', now());
insert into course_section_templates (id, course_template_id, "order", title, description)
  select gen_random_uuid(), t.id, s, 'Section ' || s, 'Section ' || s || ' of the benchmark course'
  from course_templates t, generate_series(1, 5) s where t.slug = :'slug';
insert into course_unit_templates (id, section_template_id, "order", topic, description, icon)
  select gen_random_uuid(), s.id, u, s.title || ', unit ' || u, 'A unit of the benchmark course', 'star'
  from course_section_templates s join course_templates t on t.id = s.course_template_id, generate_series(1, 4) u
  where t.slug = :'slug';
insert into course_level_templates (id, unit_template_id, course_template_id, "order", course_position, type, total_steps, goal)
  select gen_random_uuid(), u.id, s.course_template_id, l, ((s."order" - 1) * 4 + u."order" - 1) * 3 + l,
         (array['lesson', 'practice', 'trophy'])[l], 5, 'Goal ' || l
  from course_unit_templates u join course_section_templates s on s.id = u.section_template_id
       join course_templates t on t.id = s.course_template_id, generate_series(1, 3) l
  where t.slug = :'slug';
insert into enrollments (id, user_id, course_template_id, status, created_at)
  select gen_random_uuid(), u.id, t.id, 'active', now()
  from course_templates t, users u where t.slug = :'slug' and u.id in (:users);
insert into user_level_progress (id, enrollment_id, level_template_id, status, stars, created_at, completed_at)
  select gen_random_uuid(), e.id, l.id,
         case when l.course_position <= 20 then 'completed' when l.course_position = 21 then 'in_progress' else 'locked' end,
         case when l.course_position <= 20 then 3 else 0 end, now(),
         case when l.course_position <= 20 then now() end
  from enrollments e join course_level_templates l on l.course_template_id = e.course_template_id
  where e.user_id in (:users);
