package subtests

import (
	"os"
	"testing"

	"github.com/stretchr/testify/suite"
)

type StoreSuite struct {
	suite.Suite
	dir string
}

func TestStore(t *testing.T) { suite.Run(t, new(StoreSuite)) }

func (s *StoreSuite) SetupSuite() {
	// The suite's own T: "TestStore", no "/".
	dir, err := os.MkdirTemp("", s.T().Name())
	if err != nil {
		s.T().Fatal(err)
	}
	s.dir = dir
}

func (s *StoreSuite) SetupTest() {
	f, err := os.CreateTemp(s.dir, s.T().Name()+"-*") // want `os.CreateTemp pattern uses s.T\(\).Name\(\), which contains "/" in a subtest`
	if err != nil {
		s.T().Fatal(err)
	}
	f.Close()
}

func (s *StoreSuite) TestPut() {
	dir, err := os.MkdirTemp("", "store-"+s.T().Name()) // want `os.MkdirTemp pattern uses s.T\(\).Name\(\)`
	if err != nil {
		s.T().Fatal(err)
	}
	defer os.RemoveAll(dir)
}
