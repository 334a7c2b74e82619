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

// Fill has the shape of a test method (exported, no parameters, no
// results): testify runs it with one test's T, or a test method calls it
// with its own.
func (s *StoreSuite) Fill() {
	f, err := os.CreateTemp(s.dir, s.T().Name()+"-fill-*") // want `os.CreateTemp pattern uses s.T\(\).Name\(\), which contains "/" in a subtest`
	if err != nil {
		s.T().Fatal(err)
	}
	f.Close()
}

// TearDownSuite runs once, with the suite's own T: no "/".
func (s *StoreSuite) TearDownSuite() {
	dir, err := os.MkdirTemp("", s.T().Name()+"-teardown")
	if err != nil {
		s.T().Fatal(err)
	}
	os.RemoveAll(dir)
}

// Unexported and with a result: not a test method; its T is its caller's.
func (s *StoreSuite) scratch() string {
	dir, err := os.MkdirTemp("", s.T().Name())
	if err != nil {
		s.T().Fatal(err)
	}
	return dir
}

// A result: testify does not run it as a test.
func (s *StoreSuite) TestLike() error {
	dir, err := os.MkdirTemp("", s.T().Name())
	if err != nil {
		return err
	}
	return os.RemoveAll(dir)
}
