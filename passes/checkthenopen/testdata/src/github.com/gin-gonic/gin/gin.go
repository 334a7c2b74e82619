// Package gin is a stub of github.com/gin-gonic/gin.
package gin

type Context struct{ params map[string]string }

func (c *Context) Param(key string) string                { return c.params[key] }
func (c *Context) Query(key string) string                { return "" }
func (c *Context) DefaultQuery(key, def string) string    { return def }
func (c *Context) PostForm(key string) string             { return "" }
func (c *Context) DefaultPostForm(key, def string) string { return def }
