// Package web looks like a web framework (its path contains "gin-gonic")
// but is not one: its values are not request input.
package web

type Context struct{}

func (c *Context) Param(key string) string { return "default-" + key }
