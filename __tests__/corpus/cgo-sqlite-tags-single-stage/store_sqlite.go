//go:build sqlite

package main

import (
	"database/sql"

	_ "github.com/mattn/go-sqlite3"
)

func openStore() string {
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		return err.Error()
	}
	var v string
	if err := db.QueryRow("select sqlite_version()").Scan(&v); err != nil {
		return err.Error()
	}
	return "sqlite " + v
}
