// Command goldencheck runs the golden corpus through Go's own text/template and reports every case whose
// output or error differs from the recorded .out/.err file. It is how the expected files were produced and
// checked; it is not part of the Maven build (which has no Go toolchain).
//
//	cd src/test/go && go run . ../resources/golden
//
// Data files are decoded as the Java test decodes them: integers as int, other numbers as float64. The
// functions match GoldenTest.funcs(). Cases listed in newerGo use features or messages of Go releases after
// 1.19 (range over an integer, "else with", the callee name in call's error, the lexer's own right-paren
// check) and differ on older toolchains.
// With DUMP=dir, each case's actual result is also written to dir as NAME.out or NAME.err.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template"
)

var newerGo = map[string]bool{
	"range_int": true, "with_else_with": true, "with_else_with_last": true, "call_non_function": true,
	"unexpected_rparen": true,
}

func numbers(v interface{}) interface{} {
	switch x := v.(type) {
	case json.Number:
		if !strings.ContainsAny(string(x), ".eE") {
			if i, err := x.Int64(); err == nil {
				return int(i)
			}
		}
		f, _ := x.Float64()
		return f
	case map[string]interface{}:
		for k, e := range x {
			x[k] = numbers(e)
		}
	case []interface{}:
		for i, e := range x {
			x[i] = numbers(e)
		}
	}
	return v
}

type fn = func(a ...interface{}) (interface{}, error)

func funcs() template.FuncMap {
	return template.FuncMap{
		"upper": fn(func(a ...interface{}) (interface{}, error) { return strings.ToUpper(fmt.Sprint(a[0])), nil }),
		"fail":  fn(func(a ...interface{}) (interface{}, error) { return nil, fmt.Errorf("boom %v", a) }),
		"pair":  fn(func(a ...interface{}) (interface{}, error) { return []interface{}{a[0], a[1]}, nil }),
		"add":   fn(func(a ...interface{}) (interface{}, error) { return a[0].(int) + a[1].(int), nil }),
		"join": fn(func(a ...interface{}) (interface{}, error) {
			var parts []string
			for _, e := range a[1].([]interface{}) {
				parts = append(parts, fmt.Sprint(e))
			}
			return strings.Join(parts, a[0].(string)), nil
		}),
		"nilfn":    fn(func(a ...interface{}) (interface{}, error) { return nil, nil }),
		"argcount": fn(func(a ...interface{}) (interface{}, error) { return len(a), nil }),
		"int32":    fn(func(a ...interface{}) (interface{}, error) { return int32(a[0].(int)), nil }),
		"getfn": fn(func(a ...interface{}) (interface{}, error) {
			return fn(func(b ...interface{}) (interface{}, error) { return b[0].(int) + b[1].(int), nil }), nil
		}),
	}
}

func run(dir, name string) (string, bool) {
	text, _ := os.ReadFile(filepath.Join(dir, name+".tmpl"))
	var data interface{}
	if js, err := os.ReadFile(filepath.Join(dir, name+".json")); err == nil {
		d := json.NewDecoder(bytes.NewReader(js))
		d.UseNumber()
		if err := d.Decode(&data); err != nil {
			return "bad json: " + err.Error(), true
		}
		data = numbers(data)
	}
	t, err := template.New(name).Funcs(funcs()).Parse(string(text))
	if err != nil {
		return err.Error(), true
	}
	var out bytes.Buffer
	if err := t.Execute(&out, data); err != nil {
		return err.Error(), true
	}
	return out.String(), false
}

func main() {
	dir := os.Args[1]
	files, _ := filepath.Glob(filepath.Join(dir, "*.tmpl"))
	sort.Strings(files)
	bad := 0
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".tmpl")
		got, isErr := run(dir, name)
		if d := os.Getenv("DUMP"); d != "" {
			if isErr {
				os.WriteFile(filepath.Join(d, name+".err"), []byte(got+"\n"), 0o644)
			} else {
				os.WriteFile(filepath.Join(d, name+".out"), []byte(got), 0o644)
			}
		}
		want, wantErr := "", false
		if w, err := os.ReadFile(filepath.Join(dir, name+".err")); err == nil {
			want, wantErr = strings.TrimSpace(string(w)), true
		} else {
			w, _ := os.ReadFile(filepath.Join(dir, name+".out"))
			want = string(w)
		}
		if got != want || isErr != wantErr {
			bad++
			note := ""
			if newerGo[name] {
				note = " (expected before the Go release that added it)"
			}
			fmt.Printf("MISMATCH %s%s\n  go:   %q\n  want: %q\n", name, note, got, want)
		}
	}
	fmt.Printf("%d cases, %d mismatches\n", len(files), bad)
}
