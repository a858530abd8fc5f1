-- Helpers the engine uses to write SMS in one set-based statement.
CREATE OR REPLACE FUNCTION unaccent_vi(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT translate(t, 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸđĐ', 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyAAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYdD')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION render_template(t text, vars jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  k text;
  v text;
BEGIN
  FOR k, v IN SELECT key, value FROM jsonb_each_text(vars) LOOP
    t := replace(t, '{' || k || '}', coalesce(v, ''));
  END LOOP;
  RETURN t;
END
$$;
